-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "drift" JSONB,
ADD COLUMN     "driftCheckedAt" TIMESTAMP(3),
ADD COLUMN     "failedDuring" "RequestStatus";

-- AlterTable
ALTER TABLE "PlanStep" ADD COLUMN     "definition" JSONB NOT NULL,
ADD COLUMN     "outputs" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "waitingFor" TEXT;
