import { Card } from "@/components/ui/card";
import { formatTime, formatTimeToSecond } from "@/components/ui/format-time";
import type { ActionState } from "@/lib/auth/action-state";
import type { ApprovalView, WouldCount } from "@/lib/domain/approval-policy";

import { FreezeOverrideForm } from "./freeze-override-form";

type Override = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** Which approval policy applied and why, who approved, who is still needed, and any change freeze. */
export function RequestApprovalCard({
  view,
  status,
  yours,
  override,
  requestId,
}: {
  view: ApprovalView | null;
  status: string;
  /** Whether the viewer's approval would count (only for approvers looking at a waiting request). */
  yours: WouldCount | null;
  /** The admin's freeze override action, when the viewer may use it. */
  override: Override | null;
  requestId: string;
}) {
  const e = view?.evaluation;
  return (
    <Card title="Approval policy">
      <div className="space-y-3 text-sm" data-testid="approval-policy">
        {e ? (
          <div>
            <p className="font-medium" data-testid="policy-name">
              {e.policyName} <span className="text-xs font-normal text-slate-500">(version {e.policyVersion})</span>
            </p>
            <p className="text-slate-600">Applied because {e.why.join(", ")}.</p>
            {e.decommissionBy === "operators" ? (
              <p className="text-slate-600" data-testid="decommission-by">
                Only operators (approvers and administrators) may decommission it.
              </p>
            ) : null}
          </div>
        ) : (
          <p className="text-slate-600">No policy has been applied yet: it is chosen once the plan is computed.</p>
        )}
        {view?.progress && status === "SUBMITTED" ? (
          <p className="font-medium text-slate-800" data-testid="approval-progress">
            {view.progress.summary}
          </p>
        ) : null}
        {view?.approvals.length ? (
          <div>
            <p className="text-slate-600">Approvals that count:</p>
            <ul className="list-disc pl-5" data-testid="approvals">
              {view.approvals.map((a) => (
                <li key={a.userId}>
                  {a.label} <span className="text-xs text-slate-500">{formatTime(new Date(a.at))}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {view?.progress && status === "SUBMITTED" && view.progress.needed.length ? (
          <p className="text-slate-700" data-testid="approval-needed">
            Still needed: {view.progress.needed.join("; ")}.
          </p>
        ) : null}
        {yours && status === "SUBMITTED" && !yours.counts ? <p className="text-slate-600">{yours.reason}.</p> : null}
        {view?.hold ? (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900" role="status" data-testid="freeze-hold">
            Held by the change freeze until {formatTimeToSecond(view.hold.until)}: {view.hold.reason}.{" "}
            {status === "APPROVED" ? "Provisioning starts when it ends." : "The request is approved when it ends, if the policy is satisfied."}
          </p>
        ) : null}
        {view?.override ? (
          <p className="text-slate-600" data-testid="freeze-override">
            Goes ahead through change freezes: {view.override.by}, {formatTime(view.override.at)}: “{view.override.reason}”
          </p>
        ) : null}
        {view?.hold && override ? <FreezeOverrideForm requestId={requestId} action={override} /> : null}
      </div>
    </Card>
  );
}
