-- One table for who relies on which AWS resource. It replaces the plan's `reuses` list, the `reused:<id>`
-- step outputs and the text search over every live request's plan and steps that teardown used to run.

-- CreateEnum
CREATE TYPE "ClaimKind" AS ENUM ('CREATED', 'RELIED_ON');

-- CreateTable
CREATE TABLE "ResourceClaim" (
    "id" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "accountId" TEXT,
    "region" TEXT,
    "requestId" TEXT NOT NULL,
    "stepKey" TEXT,
    "kind" "ClaimKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" TIMESTAMP(3),

    CONSTRAINT "ResourceClaim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ResourceClaim_resource_releasedAt_idx" ON "ResourceClaim"("resource", "releasedAt");

-- CreateIndex
CREATE INDEX "ResourceClaim_requestId_releasedAt_idx" ON "ResourceClaim"("requestId", "releasedAt");

-- AddForeignKey
ALTER TABLE "ResourceClaim" ADD CONSTRAINT "ResourceClaim_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: the claims the old records imply, for requests whose steps exist and whose teardown has not finished
-- (APPROVED requests get theirs when they start provisioning; finished ones rely on nothing any more).
-- Kept steps of finished requests stay SKIPPED with their created ids, which is how the release of kept
-- resources finds them; only unreleased claims of other requests hold them back.
CREATE TEMP TABLE "_live_request" AS
  SELECT r.id, r.plan FROM "AccessRequest" r
   WHERE r.status::text IN ('PROVISIONING', 'VERIFYING', 'ACTIVE', 'FAILED', 'ROLLING_BACK', 'DECOMMISSIONING')
     AND EXISTS (SELECT 1 FROM "PlanStep" s WHERE s."requestId" = r.id);

-- What each step recorded as created and has not undone.
INSERT INTO "ResourceClaim" ("id", "resource", "accountId", "region", "requestId", "stepKey", "kind")
SELECT DISTINCT ON (s."requestId", s.key, c->>'id')
       'claim-' || md5(s.id || (c->>'id') || 'created'), c->>'id', COALESCE(c->>'account', s."accountId"),
       COALESCE(c->>'region', s.region), s."requestId", s.key, 'CREATED'::"ClaimKind"
  FROM "PlanStep" s
  JOIN "_live_request" r ON r.id = s."requestId"
  CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(s."createdResources") = 'array' THEN s."createdResources" ELSE '[]'::jsonb END) c
 WHERE s.status::text <> 'UNDONE' AND c->>'id' IS NOT NULL;

-- What a step found in place and relied on (`reused:<id>` outputs).
INSERT INTO "ResourceClaim" ("id", "resource", "accountId", "region", "requestId", "stepKey", "kind")
SELECT 'claim-' || md5(s.id || o.value || 'relied-on'), o.value, s."accountId", s.region, s."requestId", s.key, 'RELIED_ON'::"ClaimKind"
  FROM "PlanStep" s
  JOIN "_live_request" r ON r.id = s."requestId"
  CROSS JOIN LATERAL jsonb_each_text(CASE WHEN jsonb_typeof(s.outputs) = 'object' THEN s.outputs ELSE '{}'::jsonb END) o
 WHERE o.key LIKE 'reused:%';

-- What the plan relied on with no step of its own (`plan.reuses`).
INSERT INTO "ResourceClaim" ("id", "resource", "requestId", "kind")
SELECT DISTINCT ON (r.id, u.value) 'claim-' || md5(r.id || u.value || 'plan'), u.value, r.id, 'RELIED_ON'::"ClaimKind"
  FROM "_live_request" r
  CROSS JOIN LATERAL jsonb_array_elements_text(
    CASE WHEN jsonb_typeof(r.plan->'plan'->'reuses') = 'array' THEN r.plan->'plan'->'reuses' ELSE '[]'::jsonb END) u;

-- The step outputs no longer carry claims.
UPDATE "PlanStep"
   SET outputs = outputs - ARRAY(SELECT k FROM jsonb_object_keys(outputs) k WHERE k LIKE 'reused:%')
 WHERE jsonb_typeof(outputs) = 'object' AND EXISTS (SELECT 1 FROM jsonb_object_keys(outputs) k WHERE k LIKE 'reused:%');

DROP TABLE "_live_request";
