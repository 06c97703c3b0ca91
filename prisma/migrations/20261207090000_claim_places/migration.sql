-- AlterTable
ALTER TABLE "ResourceClaim" ADD COLUMN     "relations" TEXT[];

-- Which link of a TGW route table a request relies on was read from its plan at every check; it is now on
-- the claim. Existing claims take it from the plan they were made from; every other claim has none.
UPDATE "ResourceClaim" SET "relations" = '{}';
UPDATE "ResourceClaim" AS c
SET "relations" = ARRAY(
  SELECT DISTINCT t->>'relation'
  FROM jsonb_array_elements(r.plan->'plan'->'tgwTableReuses') AS t
  WHERE t->>'id' = c."resource" AND t->>'relation' IS NOT NULL
  ORDER BY 1
)
FROM "AccessRequest" AS r
WHERE r."id" = c."requestId"
  AND c."stepKey" IS NULL
  AND c."resource" LIKE 'tgw-rtb-%|tgw-attach-%'
  AND jsonb_typeof(r.plan->'plan'->'tgwTableReuses') = 'array';
