-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "connection" JSONB;
