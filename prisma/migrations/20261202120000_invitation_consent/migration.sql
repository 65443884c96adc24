-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN "declinedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");
