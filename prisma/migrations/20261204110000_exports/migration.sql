-- Data exports (decision 041): requests with progress, and the finished archive in 1 MiB chunks
-- (app instances share no disk). Everything cascades with the person, class or requester.

-- CreateEnum
CREATE TYPE "ExportKind" AS ENUM ('STUDENT', 'CLASS');

-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED');

-- CreateTable
CREATE TABLE "ExportRequest" (
    "id" TEXT NOT NULL,
    "kind" "ExportKind" NOT NULL,
    "studentId" TEXT,
    "classroomId" TEXT,
    "requestedById" TEXT NOT NULL,
    "status" "ExportStatus" NOT NULL DEFAULT 'QUEUED',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "ExportRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExportFile" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExportFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExportChunk" (
    "fileId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ExportChunk_pkey" PRIMARY KEY ("fileId","n")
);

-- CreateIndex
CREATE INDEX "ExportRequest_requestedById_createdAt_idx" ON "ExportRequest"("requestedById", "createdAt");

-- CreateIndex
CREATE INDEX "ExportRequest_studentId_idx" ON "ExportRequest"("studentId");

-- CreateIndex
CREATE INDEX "ExportRequest_classroomId_idx" ON "ExportRequest"("classroomId");

-- CreateIndex
CREATE UNIQUE INDEX "ExportFile_requestId_key" ON "ExportFile"("requestId");

-- CreateIndex
CREATE INDEX "ExportFile_expiresAt_idx" ON "ExportFile"("expiresAt");

-- AddForeignKey
ALTER TABLE "ExportRequest" ADD CONSTRAINT "ExportRequest_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportRequest" ADD CONSTRAINT "ExportRequest_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportRequest" ADD CONSTRAINT "ExportRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportFile" ADD CONSTRAINT "ExportFile_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExportRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportChunk" ADD CONSTRAINT "ExportChunk_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "ExportFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A student export names a student and no class, a class export a class and no student.
ALTER TABLE "ExportRequest" ADD CONSTRAINT "ExportRequest_scope_check" CHECK ((kind = 'STUDENT' AND "studentId" IS NOT NULL AND "classroomId" IS NULL) OR (kind = 'CLASS' AND "classroomId" IS NOT NULL AND "studentId" IS NULL));

-- Progress never runs past its total.
ALTER TABLE "ExportRequest" ADD CONSTRAINT "ExportRequest_progress_check" CHECK (done >= 0 AND total >= 0 AND done <= total);
