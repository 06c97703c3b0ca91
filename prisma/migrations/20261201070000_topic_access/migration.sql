-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "topicAccess" JSONB;
