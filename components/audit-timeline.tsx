import type { AuditDetails } from "@/lib/domain/audit-details";
import { timelineComment } from "@/lib/domain/timeline";

import { formatTime } from "./ui/format-time";

export { timelineEvents } from "@/lib/domain/timeline";

export type TimelineEvent = { id: bigint; at: Date; actorLabel: string; action: string; details: AuditDetails };

const ACTION_TEXT: Record<string, string> = {
  "request.submit": "filed the request",
  "request.plan": "computed the plan",
  "request.approve": "approved",
  "request.approval-recorded": "recorded an approval",
  "request.policy-applied": "applied the approval policy",
  "request.freeze-override": "let the request through change freezes",
  "request.reject": "rejected",
  "request.cancel": "cancelled",
  "request.start-provisioning": "started provisioning",
  "request.start-verifying": "started verification",
  "request.activate": "marked the connection active",
  "request.fail": "marked the request failed",
  "request.retry": "retried",
  "request.rollback": "started the rollback",
  "request.finish-rollback": "finished the rollback",
  "request.decommission": "started decommissioning",
  "request.finish-decommission": "finished decommissioning",
  "request.reapply": "re-applied the drifted changes",
  "request.drift-detected": "found that AWS no longer matches the request",
  "request.drift-cleared": "found AWS matching the request again",
  "request.expiry-reminder": "reminded the team of the end date",
  "request.expiry-held": "held the end-date teardown",
  "request.extension-asked": "asked for an extension",
  "request.extension-approval-recorded": "recorded an approval of the extension",
  "request.extension-approved": "approved the extension",
  "request.extension-rejected": "rejected the extension",
  "request.client-check-created": "created a client check command",
  "request.client-check-reported": "reported what the client reached",
  "request.path-analysed": "asked AWS whether the path works (Reachability Analyzer)",
  "step.fail": "reported a failed step",
};

export function AuditTimeline({ events }: { events: TimelineEvent[] }) {
  return (
    <ol className="space-y-4" data-testid="timeline">
      {events.map((e) => (
        <li key={String(e.id)} className="relative border-l-2 border-slate-200 pl-4">
          <p className="text-sm">
            <span className="font-medium">{e.actorLabel}</span> {ACTION_TEXT[e.action] ?? e.action}
          </p>
          <p className="text-xs text-slate-500">{formatTime(e.at)}</p>
          {timelineComment(e) ? <p className="mt-1 rounded bg-slate-50 px-2 py-1 text-sm text-slate-700">“{timelineComment(e)}”</p> : null}
        </li>
      ))}
    </ol>
  );
}
