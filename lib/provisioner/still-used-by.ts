import { db } from "@/lib/db/client";

const LIVE = ["APPROVED", "PROVISIONING", "VERIFYING", "ACTIVE", "FAILED"];

// A resource this request created (a peering, a route, a rule, a TGW attachment, a RAM share) may since have
// been reused by another request's plan, which then lists it under `reuses` or references it in its steps.
// Teardown keeps it while such a request is live.
export async function stillUsedBy(requestId: string, resourceId: string, alsoIgnore?: string): Promise<number | null> {
  const pattern = `%"${resourceId}"%`;
  const rows = await db().$queryRaw<{ number: number }[]>`
    SELECT r."number" FROM "AccessRequest" r
     WHERE r.id <> ${requestId} AND r.id <> ${alsoIgnore ?? requestId}
       AND r.status::text = ANY(${LIVE})
       AND (COALESCE(r.plan->'plan'->'reuses', '[]'::jsonb) ? ${resourceId}
            OR r.plan::text LIKE ${pattern}
            OR EXISTS (SELECT 1 FROM "PlanStep" s WHERE s."requestId" = r.id AND (s.input::text LIKE ${pattern} OR s.outputs::text LIKE ${pattern})))
     ORDER BY r."number" LIMIT 1`;
  return rows[0]?.number ?? null;
}
