-- Deletion and retention (docs/decisions/042-deletion-and-retention.md).

-- A deleted teacher's assignments, comments, questions and topics stay with the students' work.
ALTER TABLE "Assignment" ALTER COLUMN "setById" DROP NOT NULL;
ALTER TABLE "Assignment" DROP CONSTRAINT "Assignment_setById_fkey";
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_setById_fkey" FOREIGN KEY ("setById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Annotation" ALTER COLUMN "authorId" DROP NOT NULL;
ALTER TABLE "Annotation" DROP CONSTRAINT "Annotation_authorId_fkey";
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Question" ALTER COLUMN "createdById" DROP NOT NULL;
ALTER TABLE "Question" DROP CONSTRAINT "Question_createdById_fkey";
ALTER TABLE "Question" ADD CONSTRAINT "Question_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Topic" ALTER COLUMN "ownerId" DROP NOT NULL;
ALTER TABLE "Topic" DROP CONSTRAINT "Topic_ownerId_fkey";
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Closing a class, and the school's retention setting.
ALTER TABLE "Classroom" ADD COLUMN "closedAt" TIMESTAMP(3);
ALTER TABLE "School" ADD COLUMN "retentionMonths" INTEGER,
  ADD COLUMN "retentionNoticeDays" INTEGER NOT NULL DEFAULT 30,
  ADD COLUMN "keepAnonymisedMarks" BOOLEAN NOT NULL DEFAULT false;

-- A school's departments, so deleting the school can find them.
ALTER TABLE "Department" ADD COLUMN "schoolId" TEXT;
CREATE INDEX "Department_schoolId_idx" ON "Department"("schoolId");
ALTER TABLE "Department" ADD CONSTRAINT "Department_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "RetainedMark" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "classroomId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "total" INTEGER,
    "awards" JSONB NOT NULL DEFAULT '[]',
    "returnedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RetainedMark_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "RetainedMark_schoolId_idx" ON "RetainedMark"("schoolId");
ALTER TABLE "RetainedMark" ADD CONSTRAINT "RetainedMark_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "RetentionNotice" (
    "id" TEXT NOT NULL,
    "classroomId" TEXT NOT NULL,
    "teacherId" TEXT NOT NULL,
    "deleteAfter" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RetentionNotice_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "RetentionNotice_classroomId_teacherId_key" ON "RetentionNotice"("classroomId", "teacherId");
CREATE INDEX "RetentionNotice_teacherId_idx" ON "RetentionNotice"("teacherId");
ALTER TABLE "RetentionNotice" ADD CONSTRAINT "RetentionNotice_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RetentionNotice" ADD CONSTRAINT "RetentionNotice_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
