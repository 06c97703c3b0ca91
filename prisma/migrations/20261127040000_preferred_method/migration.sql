-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "preferredMethod" TEXT;
