-- CreateEnum
CREATE TYPE "MarkingStatus" AS ENUM ('IN_PROGRESS', 'RETURNED');

-- CreateEnum
CREATE TYPE "AnnotationKind" AS ENUM ('STRENGTH', 'TARGET');

-- CreateEnum
CREATE TYPE "AnnotationStatus" AS ENUM ('OPEN', 'ADDRESSED');

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "wordCount" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Marking" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "markerId" TEXT,
    "awards" JSONB NOT NULL DEFAULT '[]',
    "total" INTEGER,
    "wentWell" TEXT NOT NULL DEFAULT '',
    "evenBetterIf" TEXT NOT NULL DEFAULT '',
    "allowRedraft" BOOLEAN NOT NULL DEFAULT false,
    "status" "MarkingStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "returnedAt" TIMESTAMP(3),
    "revision" INTEGER NOT NULL DEFAULT 0,
    "response" TEXT NOT NULL DEFAULT '',
    "respondedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Marking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Annotation" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "kind" "AnnotationKind" NOT NULL,
    "comment" TEXT NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "status" "AnnotationStatus" NOT NULL DEFAULT 'OPEN',
    "addressedNote" TEXT NOT NULL DEFAULT '',
    "addressedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Annotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentBankEntry" (
    "id" TEXT NOT NULL,
    "teacherId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "kind" "AnnotationKind" NOT NULL,
    "text" TEXT NOT NULL,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommentBankEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Submission_draftId_number_key" ON "Submission"("draftId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Marking_submissionId_key" ON "Marking"("submissionId");

-- CreateIndex
CREATE INDEX "Marking_markerId_idx" ON "Marking"("markerId");

-- CreateIndex
CREATE INDEX "Annotation_submissionId_start_idx" ON "Annotation"("submissionId", "start");

-- CreateIndex
CREATE INDEX "Annotation_authorId_idx" ON "Annotation"("authorId");

-- CreateIndex
CREATE INDEX "CommentBankEntry_teacherId_uses_idx" ON "CommentBankEntry"("teacherId", "uses");

-- CreateIndex
CREATE UNIQUE INDEX "CommentBankEntry_teacherId_criterionId_text_key" ON "CommentBankEntry"("teacherId", "criterionId", "text");

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Marking" ADD CONSTRAINT "Marking_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Marking" ADD CONSTRAINT "Marking_markerId_fkey" FOREIGN KEY ("markerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentBankEntry" ADD CONSTRAINT "CommentBankEntry_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
