import { isTerminal, STATUS_LABELS, type RequestParties, type RequestStatus } from "../lifecycle";
import { isApprover, isRequestingTeamMember, type Person } from "../request-parties";

export type ExtensionQuestion = "extension.request" | "extension.decide";

/** What the rules need about a request and its extension waiting for a decision, if any. */
export type ExtensionFacts = RequestParties & {
  status: RequestStatus;
  endsAt: Date | null;
  pendingExtension: { requestedById: string } | null;
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
 * one of the people who asked, nor the request's requester).
 */
export function extensionDecision(person: Person, question: ExtensionQuestion, request: ExtensionFacts): ExtensionDecision {
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
