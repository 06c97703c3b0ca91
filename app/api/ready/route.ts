import { portalReadinessChecks } from "@/lib/ops/readiness/portal-readiness-checks";
import { checkReadiness } from "@/lib/ops/readiness/readiness";
import { readinessResponse } from "@/lib/ops/readiness/readiness-response";

export const dynamic = "force-dynamic";

// The readiness probe, unauthenticated like /api/health: can this process serve a request end to end? The
// database answers, its migrations are applied, the job queue exists and AWS accepts the portal's identity.
export async function GET(): Promise<Response> {
  return readinessResponse(await checkReadiness(portalReadinessChecks()));
}
