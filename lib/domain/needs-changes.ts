import type { RequestStatus } from "./lifecycle";
import type { StoredPlan } from "./plan/stored-plan";

export type NeededChange = { code: string; message: string; remedy: string };

/**
 * A submitted request whose plan has blocking findings "needs changes": no approver can approve it, so it
 * stays out of the approval queue and its page tells the requester what to change. It is derived from the
 * status and the stored plan, not a status of its own: the lifecycle, the audit (the plan event keeps the
 * findings) and the API's statuses stay as they are, and a re-plan that clears the findings puts the request
 * back in the queue with nothing else to update. Null when the request does not need changes.
 */
export function neededChanges(status: RequestStatus, stored: StoredPlan | null): NeededChange[] | null {
  if (status !== "SUBMITTED" || !stored?.plan || stored.plan.approvable) return null;
  return stored.plan.preflight
    .filter((f) => f.severity === "block")
    .map((f) => ({ code: f.code, message: f.message, remedy: f.remedy }));
}

/** What the status badge and lists say for such a request. */
export const NEEDS_CHANGES_LABEL = "Needs changes";
