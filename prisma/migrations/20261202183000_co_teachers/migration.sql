-- CreateEnum
CREATE TYPE "ClassTeacherRole" AS ENUM ('OWNER', 'CO_TEACHER');

-- CreateTable
CREATE TABLE "ClassTeacher" (
    "classroomId" TEXT NOT NULL,
    "teacherId" TEXT NOT NULL,
    "role" "ClassTeacherRole" NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassTeacher_pkey" PRIMARY KEY ("classroomId","teacherId")
);

-- CreateTable
CREATE TABLE "TeacherInvitation" (
    "id" TEXT NOT NULL,
    "classroomId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "acceptedById" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "declinedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeacherInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClassTeacher_teacherId_idx" ON "ClassTeacher"("teacherId");

-- CreateIndex
CREATE UNIQUE INDEX "TeacherInvitation_token_key" ON "TeacherInvitation"("token");

-- CreateIndex
CREATE INDEX "TeacherInvitation_invitedById_idx" ON "TeacherInvitation"("invitedById");

-- CreateIndex
CREATE INDEX "TeacherInvitation_acceptedById_idx" ON "TeacherInvitation"("acceptedById");

-- CreateIndex
CREATE INDEX "TeacherInvitation_email_idx" ON "TeacherInvitation"("email");

-- CreateIndex
CREATE UNIQUE INDEX "TeacherInvitation_classroomId_email_key" ON "TeacherInvitation"("classroomId", "email");

-- AddForeignKey
ALTER TABLE "ClassTeacher" ADD CONSTRAINT "ClassTeacher_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassTeacher" ADD CONSTRAINT "ClassTeacher_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherInvitation" ADD CONSTRAINT "TeacherInvitation_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherInvitation" ADD CONSTRAINT "TeacherInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherInvitation" ADD CONSTRAINT "TeacherInvitation_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: every existing class's owner becomes its OWNER row, added when the class was made.
INSERT INTO "ClassTeacher" ("classroomId", "teacherId", "role", "addedAt")
SELECT "id", "teacherId", 'OWNER', "createdAt" FROM "Classroom";
