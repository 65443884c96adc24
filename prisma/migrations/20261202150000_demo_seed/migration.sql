-- The demo seed records itself, so it runs at most once per database and never re-creates
-- a renamed or deleted demo account (docs/decisions/013-demo-data-and-local-services.md).
-- CreateTable
CREATE TABLE "DemoSeed" (
    "key" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "found" BOOLEAN NOT NULL DEFAULT false,
    "userIds" TEXT[],
    "classroomIds" TEXT[],

    CONSTRAINT "DemoSeed_pkey" PRIMARY KEY ("key")
);
