import type { ActionState } from "@/lib/auth/action-state";
import { formatEndDate } from "@/lib/domain/expiry/end-date";

import { Card } from "../ui/card";
import { formatTime } from "../ui/format-time";
import { ExtensionAskForm } from "./extension-ask-form";
import { ExtensionDecisionForm } from "./extension-decision-form";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** One extension as the route loaded it. */
export type ExtensionView = {
  id: string;
  fromEndsAt: Date;
  toEndsAt: Date;
  reason: string;
  status: "PENDING" | "APPROVED" | "REJECTED";
  decisionComment: string | null;
  createdAt: Date;
  requestedBy: { email: string };
  decidedBy: { email: string } | null;
  /** The policy that applied when it was asked; null for one asked before policies applied to extensions. */
  policy: { name: string; version: number; progress: string; approvedBy: string[] } | null;
};

export type ExpiryCardProps = {
  requestId: string;
  view: {
    endsAt: Date | null;
    extensions: ExtensionView[];
    pending: ExtensionView | null;
    mayAsk: boolean;
    mayDecide: boolean;
    approveRefusal: string | null;
    decidedByAnother: boolean;
  };
  ask: Action;
  decide: Action;
};

const DECIDED = { APPROVED: "Approved", REJECTED: "Rejected", PENDING: "Waiting for an approver" } as const;

// The end date, the extensions asked for and decided, and the one control this viewer may use now.
export function ExpiryCard({ requestId, view, ask, decide }: ExpiryCardProps) {
  if (!view.endsAt && view.extensions.length === 0) return null;
  return (
    <Card title="End date">
      {view.endsAt ? (
        <p className="text-sm" data-testid="ends-at">
          Removed on <span className="font-semibold">{formatEndDate(view.endsAt)}</span> at 00:00 UTC, with reminders 7 days and 1 day before.
        </p>
      ) : null}
      {view.extensions.length ? (
        <ul className="mt-3 space-y-2 text-sm" data-testid="extensions">
          {view.extensions.map((e) => (
            <li key={e.id} className="rounded-md bg-slate-50 p-2">
              <p>
                <span className="font-medium">{DECIDED[e.status]}:</span> {formatEndDate(e.fromEndsAt)} → {formatEndDate(e.toEndsAt)}, asked by{" "}
                {e.requestedBy.email} on {formatTime(e.createdAt)}
              </p>
              <p className="text-slate-600">“{e.reason}”</p>
              {e.policy ? (
                <p className="text-slate-600" data-testid="extension-policy">
                  Policy “{e.policy.name}” (version {e.policy.version}): {e.policy.progress}
                  {e.policy.approvedBy.length ? `; approved by ${e.policy.approvedBy.join(", ")}` : ""}
                </p>
              ) : null}
              {e.decidedBy ? (
                <p className="text-slate-600">
                  {DECIDED[e.status]} by {e.decidedBy.email}
                  {e.decisionComment ? `: “${e.decisionComment}”` : ""}
                </p>
              ) : e.status !== "PENDING" && e.decisionComment ? (
                // Decided by its policy alone: the comment names the policy or gives its reason.
                <p className="text-slate-600">{e.decisionComment}</p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-4">
        {view.mayAsk ? <ExtensionAskForm requestId={requestId} action={ask} /> : null}
        {view.mayDecide && view.pending ? <ExtensionDecisionForm requestId={requestId} extensionId={view.pending.id} action={decide} approveRefusal={view.approveRefusal} /> : null}
        {view.decidedByAnother ? <p className="text-sm text-slate-600">You are part of this extension, so another approver decides it.</p> : null}
      </div>
    </Card>
  );
}
