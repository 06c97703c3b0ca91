-- AlterTable
ALTER TABLE "ResourceClaim" ADD COLUMN     "keptAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "ResourceClaim_keptAt_releasedAt_idx" ON "ResourceClaim"("keptAt", "releasedAt");

-- What ended requests kept for others was recorded only on their SKIPPED steps, their claims released with
-- the request. Re-open those claims as kept, so the kept resources keep their maker and are found by index.
UPDATE "ResourceClaim" AS c
SET "keptAt" = c."releasedAt", "releasedAt" = NULL
FROM "PlanStep" AS s, "AccessRequest" AS r
WHERE c."requestId" = s."requestId"
  AND c."stepKey" = s."key"
  AND r."id" = s."requestId"
  AND c."kind" = 'CREATED'
  AND c."releasedAt" IS NOT NULL
  AND s."status" = 'SKIPPED'
  AND r."status" IN ('DECOMMISSIONED', 'ROLLED_BACK');
