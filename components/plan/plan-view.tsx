import { METHOD_LABELS } from "@/lib/domain/method-labels";
import type { CostEstimate } from "@/lib/domain/cost/cost-types";
import type { ConnectionPlan } from "@/lib/domain/plan/plan-types";
import { formatPorts } from "@/lib/domain/ports";

import { Card } from "../ui/card";
import { formatTime } from "../ui/format-time";
import { ChangeList, type StepProgress } from "./change-list";
import { CostEstimateCard } from "./cost-estimate";
import { PreflightList } from "./preflight-list";
import { TopologyDiagram } from "./topology-diagram";

export function PlanView({
  plan,
  computedAt,
  progress,
  cost,
}: {
  plan: ConnectionPlan;
  computedAt: Date | null;
  progress?: Map<string, StepProgress>;
  cost?: CostEstimate | null;
}) {
  const blocking = plan.preflight.filter((f) => f.severity === "block").length;
  return (
    <div className="space-y-6" data-testid="plan">
      <Card title="Plan">
        <div className="flex flex-wrap items-baseline gap-x-8 gap-y-2 text-sm">
          <p>
            <span className="text-slate-500">Method </span>
            <span className="font-semibold" data-testid="plan-method">
              {METHOD_LABELS[plan.method]}
            </span>
          </p>
          <p>
            <span className="text-slate-500">Ports </span>
            <span className="font-mono">{plan.ports.length ? formatPorts(plan.ports) : "—"}</span>
          </p>
          <p>
            <span className="text-slate-500">Changes </span>
            <span className="font-semibold">{plan.steps.length}</span>
          </p>
          <p className={blocking ? "font-semibold text-rose-700" : "text-emerald-800"} data-testid="plan-approvable">
            {blocking ? `${blocking} blocking problem${blocking > 1 ? "s" : ""}: cannot be approved` : "No blocking problems"}
          </p>
          {computedAt ? <p className="text-xs text-slate-500">From AWS state as of {formatTime(computedAt)}</p> : null}
        </div>
        <div className="mt-4">
          <TopologyDiagram topology={plan.topology} />
        </div>
      </Card>
      {cost ? <CostEstimateCard estimate={cost} /> : null}
      <Card title="Preflight checks">
        <PreflightList findings={plan.preflight} />
      </Card>
      <Card title="AWS changes">
        <ChangeList steps={plan.steps} progress={progress} />
      </Card>
    </div>
  );
}
