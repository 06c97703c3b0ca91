import type { ApprovalProgress, ApprovalState, RecordedApproval } from "./approval-progress";
import type { FreezeHold } from "./change-freeze";
import type { PolicyEvaluation } from "./evaluate-policies";

/** What the request page, the queue and the JSON API show of a request's approval. */
export type ApprovalView = {
  evaluation: PolicyEvaluation | null;
  /** For the permission module: whose approval would count (null: no policy applied yet). */
  state: ApprovalState | null;
  progress: ApprovalProgress | null;
  approvals: RecordedApproval[];
  /** The change freeze holding the request now (waiting for approval or for provisioning); null when none. */
  hold: FreezeHold | null;
  override: { reason: string; by: string; at: Date } | null;
};
