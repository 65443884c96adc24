-- CreateEnum
CREATE TYPE "DepartmentRole" AS ENUM ('HEAD', 'MEMBER');

-- CreateEnum
CREATE TYPE "SampleMethod" AS ENUM ('ALL', 'RANDOM', 'SPREAD');

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentMember" (
    "departmentId" TEXT NOT NULL,
    "teacherId" TEXT NOT NULL,
    "role" "DepartmentRole" NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DepartmentMember_pkey" PRIMARY KEY ("departmentId","teacherId")
);

-- CreateTable
CREATE TABLE "DepartmentInvitation" (
    "id" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "invitedById" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DepartmentInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationSample" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "method" "SampleMethod" NOT NULL,
    "percent" INTEGER,
    "seed" INTEGER,
    "perGroup" INTEGER,
    "candidates" INTEGER NOT NULL,
    "chosenById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationItem" (
    "id" TEXT NOT NULL,
    "sampleId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "firstTotal" INTEGER NOT NULL,
    "secondMarkerId" TEXT,
    "secondAwards" JSONB,
    "secondTotal" INTEGER,
    "secondMarkedAt" TIMESTAMP(3),
    "agreedAwards" JSONB,
    "agreedTotal" INTEGER,
    "agreedReason" TEXT,
    "agreedById" TEXT,
    "agreedAt" TIMESTAMP(3),
    "originalAwards" JSONB,
    "originalTotal" INTEGER,
    "originalMarkerId" TEXT,

    CONSTRAINT "ModerationItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Department_name_key" ON "Department"("name");

-- CreateIndex
CREATE INDEX "DepartmentMember_teacherId_idx" ON "DepartmentMember"("teacherId");

-- CreateIndex
CREATE INDEX "DepartmentInvitation_email_idx" ON "DepartmentInvitation"("email");

-- CreateIndex
CREATE INDEX "DepartmentInvitation_invitedById_idx" ON "DepartmentInvitation"("invitedById");

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentInvitation_departmentId_email_key" ON "DepartmentInvitation"("departmentId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "ModerationSample_assignmentId_key" ON "ModerationSample"("assignmentId");

-- CreateIndex
CREATE INDEX "ModerationSample_chosenById_idx" ON "ModerationSample"("chosenById");

-- CreateIndex
CREATE UNIQUE INDEX "ModerationItem_submissionId_key" ON "ModerationItem"("submissionId");

-- CreateIndex
CREATE INDEX "ModerationItem_sampleId_idx" ON "ModerationItem"("sampleId");

-- CreateIndex
CREATE INDEX "ModerationItem_secondMarkerId_idx" ON "ModerationItem"("secondMarkerId");

-- CreateIndex
CREATE INDEX "ModerationItem_agreedById_idx" ON "ModerationItem"("agreedById");

-- CreateIndex
CREATE INDEX "ModerationItem_originalMarkerId_idx" ON "ModerationItem"("originalMarkerId");

-- AddForeignKey
ALTER TABLE "DepartmentMember" ADD CONSTRAINT "DepartmentMember_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentMember" ADD CONSTRAINT "DepartmentMember_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentInvitation" ADD CONSTRAINT "DepartmentInvitation_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentInvitation" ADD CONSTRAINT "DepartmentInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationSample" ADD CONSTRAINT "ModerationSample_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationSample" ADD CONSTRAINT "ModerationSample_chosenById_fkey" FOREIGN KEY ("chosenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationItem" ADD CONSTRAINT "ModerationItem_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "ModerationSample"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationItem" ADD CONSTRAINT "ModerationItem_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationItem" ADD CONSTRAINT "ModerationItem_secondMarkerId_fkey" FOREIGN KEY ("secondMarkerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationItem" ADD CONSTRAINT "ModerationItem_agreedById_fkey" FOREIGN KEY ("agreedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationItem" ADD CONSTRAINT "ModerationItem_originalMarkerId_fkey" FOREIGN KEY ("originalMarkerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

