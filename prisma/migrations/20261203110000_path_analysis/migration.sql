-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "pathAnalysedAt" TIMESTAMP(3),
ADD COLUMN     "pathAnalysis" JSONB;

-- AlterTable
ALTER TABLE "PlatformSettings" ADD COLUMN     "pathAnalysis" TEXT NOT NULL DEFAULT 'same-account';
