-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "expectedGbPerMonth" INTEGER;
