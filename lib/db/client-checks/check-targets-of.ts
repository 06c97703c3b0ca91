import "server-only";

import { checkTargets, type CheckTarget } from "@/lib/domain/client-check/check-targets";
import { connectionDetails, readLiveConnection } from "@/lib/domain/plan/connection-details";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";

/** The brokers an active request's client is told to use, as the request page shows them. */
export function checkTargetsOf(request: { id: string; plan: unknown; connection: unknown }): CheckTarget[] {
  const plan = readStoredPlan(request)?.plan;
  if (!plan) return [];
  return checkTargets(connectionDetails(plan, readLiveConnection(request)).bootstrap);
}
