-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "pathAnalysedAt" TIMESTAMP(3),
ADD COLUMN     "pathAnalysis" JSONB;

-- AlterTable
-- An install upgrading to this release keeps path analysis off until its admins have rolled out the role
-- kit's new permissions and chosen a setting; a new settings row starts at "same-account".
ALTER TABLE "PlatformSettings" ADD COLUMN     "pathAnalysis" TEXT NOT NULL DEFAULT 'off';
ALTER TABLE "PlatformSettings" ALTER COLUMN "pathAnalysis" SET DEFAULT 'same-account';
