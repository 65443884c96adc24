-- Feedback before marks (docs/decisions/031-feedback-before-marks.md).
ALTER TABLE "Assignment" ADD COLUMN "feedbackBeforeMarks" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Marking" ADD COLUMN "marksReleasedAt" TIMESTAMP(3);
-- Every marking returned before this setting existed showed its marks when it was returned.
UPDATE "Marking" SET "marksReleasedAt" = "returnedAt" WHERE "status" = 'RETURNED';

-- Whole-class feedback (docs/decisions/032-whole-class-feedback.md).
CREATE TABLE "WholeClassFeedback" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" TIMESTAMP(3),
    "editedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WholeClassFeedback_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "WholeClassFeedback_assignmentId_key" ON "WholeClassFeedback"("assignmentId");
CREATE INDEX "WholeClassFeedback_editedById_idx" ON "WholeClassFeedback"("editedById");

ALTER TABLE "WholeClassFeedback" ADD CONSTRAINT "WholeClassFeedback_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WholeClassFeedback" ADD CONSTRAINT "WholeClassFeedback_editedById_fkey" FOREIGN KEY ("editedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
