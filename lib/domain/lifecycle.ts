import type { DecommissionBy } from "./decommission-by";
import { isAdmin as admin, isApprover, isOperator, isRequestingTeamMember } from "./request-parties";
import type { Role } from "./roles";
import { approvalWouldCount, type ApprovalState } from "./approval-policy/approval-progress";

export const REQUEST_STATUSES = [
  "SUBMITTED",
  "APPROVED",
  "REJECTED",
  "CANCELLED",
  "PROVISIONING",
  "VERIFYING",
  "ACTIVE",
  "FAILED",
  "ROLLING_BACK",
  "ROLLED_BACK",
  "DECOMMISSIONING",
  "DECOMMISSIONED",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const LIFECYCLE_ACTIONS = [
  "approve",
  "reject",
  "cancel",
  "start-provisioning",
  "start-verifying",
  "activate",
  "fail",
  "retry",
  "rollback",
  "finish-rollback",
  "decommission",
  "finish-decommission",
  "reapply",
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export type Actor =
  | { kind: "user"; userId: string; roles: readonly Role[]; teamIds: readonly string[] }
  | { kind: "system" };

export type RequestParties = {
  requesterId: string;
  teamId: string;
  /** True while the plan has a blocking preflight finding: such a request can be rejected, never approved. */
  blockedByPreflight?: boolean;
  /** True when there is no plan to approve: it could not be computed (its error is on the request) or is not made yet. */
  planMissing?: boolean;
  /** For a FAILED request: the phase it failed in. Retry resumes that phase rather than re-provisioning. */
  failedDuring?: RequestStatus | null;
  /** The approval policy's outcome and the approvals so far: when given, a person may approve only if their approval counts. */
  approvalState?: ApprovalState | null;
  /** For an ACTIVE request: its last check found its own steps no longer as it made them, and nothing it relies on off (re-apply can restore it). */
  driftedSteps?: boolean;
  /** Who may decommission it, from the approval policy that applied; unknown (no policy yet): the team or an operator. */
  decommissionBy?: DecommissionBy;
};

export type TransitionDecision =
  | { ok: true; to: RequestStatus }
  | { ok: false; code: "invalid-transition" | "forbidden" | "separation-of-duties"; reason: string };

type UserActor = Extract<Actor, { kind: "user" }>;
type Who = (actor: UserActor, request: RequestParties) => boolean;

type Edge = {
  from: readonly RequestStatus[];
  to: RequestStatus;
  // "system" edges are taken only by the provisioner; a person can never push a request through them.
  by: "system" | { who: Who; describe: string | ((request: RequestParties) => string) };
  separationOfDuties?: true;
  // A person's edge the portal itself may also take: the expiry decommissions a connection at its end date.
  alsoBySystem?: true;
};

const isAdmin: Who = (a) => admin(a);
const teamCreator: Who = (a, r) => isRequestingTeamMember(a, r);
const canApprove: Who = (a) => isApprover(a);
const canOperate: Who = (a) => isOperator(a);

const EDGES: Record<LifecycleAction, Edge> = {
  approve: {
    from: ["SUBMITTED"],
    to: "APPROVED",
    by: { who: canApprove, describe: "Only approvers can approve requests" },
    separationOfDuties: true,
    // The approval policy approves by itself (auto-approve, or once its approvals are in and no freeze holds).
    alsoBySystem: true,
  },
  reject: {
    from: ["SUBMITTED"],
    to: "REJECTED",
    by: { who: canApprove, describe: "Only approvers can reject requests" },
    separationOfDuties: true,
    // A policy that rejects such requests does so with its reason.
    alsoBySystem: true,
  },
  cancel: {
    from: ["SUBMITTED"],
    to: "CANCELLED",
    by: {
      who: (a, r) => a.userId === r.requesterId || teamCreator(a, r) || isAdmin(a, r),
      describe: "Only the requester, their team or an administrator can cancel this request",
    },
  },
  "start-provisioning": { from: ["APPROVED"], to: "PROVISIONING", by: "system" },
  "start-verifying": { from: ["PROVISIONING"], to: "VERIFYING", by: "system" },
  activate: { from: ["VERIFYING"], to: "ACTIVE", by: "system" },
  fail: { from: ["PROVISIONING", "VERIFYING", "DECOMMISSIONING", "ROLLING_BACK"], to: "FAILED", by: "system" },
  retry: {
    from: ["FAILED"],
    to: "APPROVED",
    by: { who: canOperate, describe: "Only operators (approvers or administrators) can retry a request" },
  },
  rollback: {
    from: ["FAILED"],
    to: "ROLLING_BACK",
    by: { who: canOperate, describe: "Only operators (approvers or administrators) can roll back a request" },
  },
  "finish-rollback": { from: ["ROLLING_BACK"], to: "ROLLED_BACK", by: "system" },
  decommission: {
    from: ["ACTIVE"],
    to: "DECOMMISSIONING",
    by: {
      who: (a, r) => (r.decommissionBy === "operators" ? canOperate(a, r) : teamCreator(a, r) || canOperate(a, r)),
      describe: (r) =>
        r.decommissionBy === "operators"
          ? "This connection's approval policy lets only operators (approvers and administrators) decommission it"
          : "Only the requesting team or an operator can decommission this connection",
    },
    alsoBySystem: true,
  },
  "finish-decommission": { from: ["DECOMMISSIONING"], to: "DECOMMISSIONED", by: "system" },
  // A drifted connection is put back as approved: its drifted steps (and what depends on them) run again,
  // idempotently, under the same freezes and locks as any provisioning, then everything is verified again.
  reapply: {
    from: ["ACTIVE"],
    to: "APPROVED",
    by: { who: canOperate, describe: "Only operators (approvers or administrators) can re-apply a request" },
  },
};

// A failure while undoing (rollback, decommission) is retried by undoing again: provisioning a connection
// somebody asked to remove would be the opposite of what they wanted.
function retryTarget(failedDuring: RequestStatus | null | undefined): RequestStatus {
  if (failedDuring === "ROLLING_BACK" || failedDuring === "DECOMMISSIONING") return failedDuring;
  return "APPROVED";
}

export function decideTransition(input: {
  status: RequestStatus;
  action: LifecycleAction;
  actor: Actor;
  request: RequestParties;
}): TransitionDecision {
  const { status, action, actor, request } = input;
  const edge = EDGES[action];
  if (!edge.from.includes(status)) {
    return {
      ok: false,
      code: "invalid-transition",
      reason: `A request that is ${STATUS_LABELS[status].toLowerCase()} cannot be ${ACTION_LABELS[action].past}`,
    };
  }
  if (edge.by === "system") {
    if (actor.kind === "system") return { ok: true, to: edge.to };
    return { ok: false, code: "forbidden", reason: `Only the provisioner can ${ACTION_LABELS[action].verb} a request` };
  }
  if (actor.kind === "system" && action === "approve") {
    const blocker = approvalBlocker(status, request);
    if (blocker) return { ok: false, code: "invalid-transition", reason: blocker };
  }
  if (actor.kind !== "user") {
    if (edge.alsoBySystem) return { ok: true, to: edge.to };
    return { ok: false, code: "forbidden", reason: `A person must ${ACTION_LABELS[action].verb} a request` };
  }
  if (!edge.by.who(actor, request)) {
    const { describe } = edge.by;
    return { ok: false, code: "forbidden", reason: typeof describe === "function" ? describe(request) : describe };
  }
  if (edge.separationOfDuties && actor.userId === request.requesterId) {
    return {
      ok: false,
      code: "separation-of-duties",
      reason: `You filed this request, so someone else must ${ACTION_LABELS[action].verb} it`,
    };
  }
  if (action === "rollback" && (request.failedDuring === "ROLLING_BACK" || request.failedDuring === "DECOMMISSIONING")) {
    return {
      ok: false,
      code: "invalid-transition",
      reason: "This request failed while removing its resources; retry to finish removing them",
    };
  }
  if (action === "reapply" && !request.driftedSteps) {
    return {
      ok: false,
      code: "invalid-transition",
      reason:
        "Only a connection whose last check found its own changes altered or gone, and nothing it relies on off, can be re-applied (what it relies on is another request's, or was there before: that is fixed first)",
    };
  }
  if (action === "retry") return { ok: true, to: retryTarget(request.failedDuring) };
  if (action === "approve") {
    const blocker = approvalBlocker(status, request);
    if (blocker) return { ok: false, code: "invalid-transition", reason: blocker };
    const counts = request.approvalState ? approvalWouldCount(request.approvalState, { userId: actor.userId, teamIds: actor.teamIds }) : null;
    if (counts && !counts.counts) return { ok: false, code: "forbidden", reason: counts.reason };
  }
  return { ok: true, to: edge.to };
}

/**
 * Why nobody may approve this request now (its status or its plan), or null when an approver may. The request
 * page, the JSON API's `approval` and decideTransition all ask this, so what they say cannot drift apart.
 */
export function approvalBlocker(status: RequestStatus, request: RequestParties): string | null {
  if (!EDGES.approve.from.includes(status)) {
    return `A request that is ${STATUS_LABELS[status].toLowerCase()} cannot be ${ACTION_LABELS.approve.past}`;
  }
  if (request.planMissing) {
    return "The plan could not be computed; see its error on the request, re-plan once it is resolved, or reject the request";
  }
  if (request.blockedByPreflight) {
    return "The plan has blocking preflight findings; resolve them and re-plan, or reject the request";
  }
  return null;
}

export function allowedActions(status: RequestStatus, actor: Actor, request: RequestParties): LifecycleAction[] {
  return LIFECYCLE_ACTIONS.filter((action) => decideTransition({ status, action, actor, request }).ok);
}

const TERMINAL: ReadonlySet<RequestStatus> = new Set(["REJECTED", "CANCELLED", "ROLLED_BACK", "DECOMMISSIONED"]);

export function isTerminal(status: RequestStatus): boolean {
  return TERMINAL.has(status);
}

export const STATUS_LABELS: Record<RequestStatus, string> = {
  SUBMITTED: "Awaiting approval",
  APPROVED: "Approved, queued",
  REJECTED: "Rejected",
  CANCELLED: "Cancelled",
  PROVISIONING: "Provisioning",
  VERIFYING: "Verifying",
  ACTIVE: "Active",
  FAILED: "Failed",
  ROLLING_BACK: "Rolling back",
  ROLLED_BACK: "Rolled back",
  DECOMMISSIONING: "Decommissioning",
  DECOMMISSIONED: "Decommissioned",
};

export type StatusTone = "neutral" | "info" | "progress" | "success" | "warning" | "danger";

/** The colour family beside the label; the label alone must carry the meaning. */
export const STATUS_TONES: Record<RequestStatus, StatusTone> = {
  SUBMITTED: "info",
  APPROVED: "info",
  REJECTED: "danger",
  CANCELLED: "neutral",
  PROVISIONING: "progress",
  VERIFYING: "progress",
  ACTIVE: "success",
  FAILED: "danger",
  ROLLING_BACK: "warning",
  ROLLED_BACK: "neutral",
  DECOMMISSIONING: "warning",
  DECOMMISSIONED: "neutral",
};

export const ACTION_LABELS: Record<LifecycleAction, { verb: string; past: string; button: string }> = {
  approve: { verb: "approve", past: "approved", button: "Approve" },
  reject: { verb: "reject", past: "rejected", button: "Reject" },
  cancel: { verb: "cancel", past: "cancelled", button: "Cancel request" },
  "start-provisioning": { verb: "start provisioning", past: "provisioned", button: "Start provisioning" },
  "start-verifying": { verb: "start verifying", past: "verified", button: "Start verifying" },
  activate: { verb: "activate", past: "activated", button: "Activate" },
  fail: { verb: "fail", past: "marked failed", button: "Mark failed" },
  retry: { verb: "retry", past: "retried", button: "Retry" },
  rollback: { verb: "roll back", past: "rolled back", button: "Roll back" },
  "finish-rollback": { verb: "finish rolling back", past: "marked rolled back", button: "Finish rollback" },
  decommission: { verb: "decommission", past: "decommissioned", button: "Decommission" },
  "finish-decommission": { verb: "finish decommissioning", past: "marked decommissioned", button: "Finish decommission" },
  reapply: { verb: "re-apply", past: "re-applied", button: "Re-apply" },
};
