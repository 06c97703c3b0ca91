-- CreateEnum
CREATE TYPE "ConnectionMethod" AS ENUM ('security-group-only', 'vpc-peering', 'transit-gateway', 'multi-vpc-private-connectivity');

-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "method" "ConnectionMethod";

-- Requests planned before this migration get the method their stored plan names (a failed planning has none).
UPDATE "AccessRequest" SET "method" = ("plan"->'plan'->>'method')::"ConnectionMethod"
 WHERE "plan"->'plan'->>'method' IS NOT NULL;

-- CreateIndex
CREATE INDEX "AccessRequest_client_idx" ON "AccessRequest" USING GIN ("client" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "AccessRequest_drift_idx" ON "AccessRequest" USING GIN ("drift" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "AccessRequest_scenario_createdAt_idx" ON "AccessRequest"("scenario", "createdAt");

-- CreateIndex
CREATE INDEX "AccessRequest_method_createdAt_idx" ON "AccessRequest"("method", "createdAt");

-- CreateIndex
CREATE INDEX "AccessRequest_decidedAt_idx" ON "AccessRequest"("decidedAt");

-- CreateIndex
CREATE INDEX "AccessRequest_updatedAt_idx" ON "AccessRequest"("updatedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_at_id_idx" ON "AuditEvent"("at", "id");
