-- AlterTable
ALTER TABLE "Draft" ADD COLUMN     "paragraphLinks" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "paragraphLinks" JSONB;
