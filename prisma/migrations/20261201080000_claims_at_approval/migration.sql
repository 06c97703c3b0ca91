-- A request now claims what its plan relies on when it is approved, no longer when it starts provisioning.
-- Requests approved before this change and not started yet get those claims here, so that from now on no
-- other request's teardown removes a peering or route they are about to use.
INSERT INTO "ResourceClaim" ("id", "resource", "requestId", "kind")
SELECT DISTINCT ON (r.id, u.value) 'claim-' || md5(r.id || u.value || 'approval'), u.value, r.id, 'RELIED_ON'::"ClaimKind"
  FROM "AccessRequest" r
  CROSS JOIN LATERAL jsonb_array_elements_text(
    CASE WHEN jsonb_typeof(r.plan->'plan'->'reuses') = 'array' THEN r.plan->'plan'->'reuses' ELSE '[]'::jsonb END) u
 WHERE r.status::text = 'APPROVED'
   AND NOT EXISTS (
     SELECT 1 FROM "ResourceClaim" c
      WHERE c."requestId" = r.id AND c."stepKey" IS NULL AND c.resource = u.value AND c."releasedAt" IS NULL);
