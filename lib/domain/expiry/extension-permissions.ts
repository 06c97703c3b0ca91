import { approvalWouldCount, type ApprovalState, type WouldCount } from "../approval-policy/approval-progress";
import { isTerminal, STATUS_LABELS, type RequestParties, type RequestStatus } from "../lifecycle";
import { isApprover, isRequestingTeamMember, type Person } from "../request-parties";

/** Asking for one; deciding one (rejecting needs only this); approving one, which must also count under its policy. */
export type ExtensionQuestion = "extension.request" | "extension.decide" | "extension.approve";

/** What the rules need about a request and its extension waiting for a decision, if any. */
export type ExtensionFacts = RequestParties & {
  status: RequestStatus;
  endsAt: Date | null;
  /**
   * The extension waiting for a decision. Its approval state is the policy that applied when it was asked and
   * the approvals so far; null for one asked before policies applied to extensions (one approval decides it).
   */
  pendingExtension: { requestedById: string; approvalState?: ApprovalState | null } | null;
};

export type ExtensionDecision =
  | { ok: true }
  | { ok: false; code: "forbidden" | "separation-of-duties" | "invalid-transition"; reason: string };

const refuse = (code: Exclude<ExtensionDecision, { ok: true }>["code"], reason: string): ExtensionDecision => ({ ok: false, code, reason });

// A connection on its way out (or gone) has nothing left to extend.
function notExtendable(request: ExtensionFacts): string | null {
  if (!request.endsAt) return "This request has no end date to extend";
  if (isTerminal(request.status) || request.status === "DECOMMISSIONING" || request.status === "ROLLING_BACK") {
    return `A request that is ${STATUS_LABELS[request.status].toLowerCase()} cannot be extended`;
  }
  return null;
}

/**
 * Asking: the requester or their team. Deciding: the same rule as approving a request (an approver, never
 * one of the people who asked, nor the request's requester). Approving: deciding, and the approval must count
 * under the policy that applied when the extension was asked ("policies apply to the extension like a new
 * request").
 */
export function extensionDecision(person: Person, question: ExtensionQuestion, request: ExtensionFacts): ExtensionDecision {
  if (question === "extension.approve") {
    const decide = extensionDecision(person, "extension.decide", request);
    if (!decide.ok) return decide;
    const counts = extensionApprovalCounts(person, request);
    return counts.counts ? decide : refuse("forbidden", counts.reason);
  }
  if (question === "extension.request") {
    if (person.userId !== request.requesterId && !isRequestingTeamMember(person, request)) {
      return refuse("forbidden", "Only the requester or their team can ask for an extension.");
    }
    const blocker = notExtendable(request);
    if (blocker) return refuse("invalid-transition", blocker);
    return request.pendingExtension ? refuse("invalid-transition", "An extension is already waiting for a decision.") : { ok: true };
  }
  if (!isApprover(person)) return refuse("forbidden", "Only approvers can decide extensions.");
  if (!request.pendingExtension) return refuse("invalid-transition", "No extension is waiting for a decision.");
  if (person.userId === request.requesterId || person.userId === request.pendingExtension.requestedById) {
    return refuse("separation-of-duties", "You asked for this extension or filed the request, so someone else must decide it.");
  }
  const blocker = notExtendable(request);
  return blocker ? refuse("invalid-transition", blocker) : { ok: true };
}

/**
 * Whether this person's approval of the waiting extension counts under its policy, as for a request: each
 * person once, a named team's place kept for that team.
 */
function extensionApprovalCounts(person: Person, request: ExtensionFacts): WouldCount {
  const state = request.pendingExtension?.approvalState;
  if (!state) return { counts: true };
  return approvalWouldCount(state, { userId: person.userId, teamIds: person.teamIds }, "extension");
}
