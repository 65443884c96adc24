-- Issue 12 part 6: the writing process. Paste sizes (never the pasted text) and the timing of
-- thinned history entries (docs/decisions/023-writing-process.md).
-- CreateTable
CREATE TABLE "DraftPaste" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "chars" INTEGER NOT NULL,

    CONSTRAINT "DraftPaste_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftSpan" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3) NOT NULL,
    "wordCount" INTEGER NOT NULL,

    CONSTRAINT "DraftSpan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DraftPaste_draftId_at_idx" ON "DraftPaste"("draftId", "at");

-- CreateIndex
CREATE INDEX "DraftSpan_draftId_startedAt_idx" ON "DraftSpan"("draftId", "startedAt");

-- AddForeignKey
ALTER TABLE "DraftPaste" ADD CONSTRAINT "DraftPaste_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftSpan" ADD CONSTRAINT "DraftSpan_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

