import type { RequestStatus } from "./lifecycle";
import type { RequestFacts } from "./permissions";
import type { StoredPlan } from "./plan/stored-plan";

// failedDuring matters only to retry and roll back, so a list that does not load it can still ask about a decision.
type StoredRequest = { requesterId: string; teamId: string; status: RequestStatus; failedDuring?: RequestStatus | null };

/**
 * What the policy is told about a stored request and its plan. The page, the approvals queue and the JSON API
 * build it here, so a plan that could not be computed is named as such everywhere, not as a preflight block.
 */
export function requestFacts(request: StoredRequest, stored: StoredPlan | null): RequestFacts {
  return {
    requesterId: request.requesterId,
    teamId: request.teamId,
    status: request.status,
    failedDuring: request.failedDuring ?? null,
    planMissing: !stored?.plan,
    blockedByPreflight: stored?.plan ? !stored.plan.approvable : false,
  };
}
