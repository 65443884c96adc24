-- Blind marking (docs/decisions/029-blind-marking.md)

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "blindMarking" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "namesRevealedAt" TIMESTAMP(3),
ADD COLUMN     "namesRevealedById" TEXT;

-- CreateTable
CREATE TABLE "CandidateNumber" (
    "assignmentId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CandidateNumber_pkey" PRIMARY KEY ("assignmentId","studentId")
);

-- CreateIndex
CREATE INDEX "Assignment_namesRevealedById_idx" ON "Assignment"("namesRevealedById");

-- CreateIndex
CREATE INDEX "CandidateNumber_studentId_idx" ON "CandidateNumber"("studentId");

-- CreateIndex
CREATE UNIQUE INDEX "CandidateNumber_assignmentId_number_key" ON "CandidateNumber"("assignmentId", "number");

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_namesRevealedById_fkey" FOREIGN KEY ("namesRevealedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateNumber" ADD CONSTRAINT "CandidateNumber_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateNumber" ADD CONSTRAINT "CandidateNumber_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
