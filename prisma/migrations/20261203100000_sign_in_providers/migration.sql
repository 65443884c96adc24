-- CreateEnum
CREATE TYPE "SignInRuleKind" AS ENUM ('GOOGLE_DOMAIN', 'MICROSOFT_TENANT', 'OIDC_DOMAIN', 'STAFF_DOMAIN');

-- CreateTable
CREATE TABLE "SchoolSignInRule" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "kind" "SignInRuleKind" NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "SchoolSignInRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProviderSignInAttempt" (
    "stateHash" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "browserHash" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "linkUserId" TEXT,
    "next" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProviderSignInAttempt_pkey" PRIMARY KEY ("stateHash")
);

-- CreateIndex
CREATE INDEX "SchoolSignInRule_schoolId_idx" ON "SchoolSignInRule"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolSignInRule_kind_value_key" ON "SchoolSignInRule"("kind", "value");

-- CreateIndex
CREATE INDEX "ProviderSignInAttempt_expiresAt_idx" ON "ProviderSignInAttempt"("expiresAt");

-- AddForeignKey
ALTER TABLE "SchoolSignInRule" ADD CONSTRAINT "SchoolSignInRule_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;
