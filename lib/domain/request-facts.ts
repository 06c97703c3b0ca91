import { driftedStepKeys, readDriftProblems, RELIED_ON, type DriftProblem } from "./drift-problems";
import { policyEvaluationSchema } from "./approval-policy/evaluate-policies";
import type { DecommissionBy } from "./decommission-by";
import type { RequestStatus } from "./lifecycle";
import type { RequestFacts } from "./permissions";
import type { StoredPlan } from "./plan/stored-plan";

// failedDuring matters only to retry and roll back, approvalPolicy only to decommission, so a list that does not
// load them can still ask about a decision.
type StoredRequest = {
  requesterId: string;
  teamId: string;
  status: RequestStatus;
  failedDuring?: RequestStatus | null;
  approvalPolicy?: unknown;
  drift?: unknown;
};

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
    decommissionBy: decommissionByOf(request.approvalPolicy),
    driftedSteps: request.status === "ACTIVE" && reapplicable(readDriftProblems(request.drift)),
  };
}

// The policy's evaluation stored on the request. One that cannot be read is held to the stricter rule: nobody
// loses a connection to a team member because a stored row was damaged.
function decommissionByOf(approvalPolicy: unknown): DecommissionBy {
  if (approvalPolicy === null || approvalPolicy === undefined) return "team-or-operator";
  const read = policyEvaluationSchema.safeParse(approvalPolicy);
  return read.success ? read.data.decommissionBy : "operators";
}

// Re-applying makes the request's own steps again. When something it only relies on is off too (a peering or
// attachment another request made, deleted), its own routes to it would be found "in place" and still fail:
// that drift is fixed first, by whoever owns it.
function reapplicable(problems: readonly DriftProblem[]): boolean {
  return driftedStepKeys(problems).length > 0 && !problems.some((p) => p.step === RELIED_ON);
}
