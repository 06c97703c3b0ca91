-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN "archivedAt" TIMESTAMP(3);
