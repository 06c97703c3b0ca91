import type { CostEstimate } from "@/lib/domain/cost/cost-types";
import type { StoredPlan } from "@/lib/domain/plan/stored-plan";

import { Card } from "../ui/card";
import { formatTime } from "../ui/format-time";
import type { StepProgress } from "./change-list";
import { PlanView } from "./plan-view";

export function StoredPlanSection({
  stored,
  progress,
  cost,
}: {
  stored: StoredPlan | null;
  progress?: Map<string, StepProgress>;
  cost?: CostEstimate | null;
}) {
  if (!stored) {
    return (
      <Card title="Plan">
        <p className="text-sm text-slate-600">No plan has been computed for this request yet.</p>
      </Card>
    );
  }
  if (stored.error) {
    return (
      <Card title="Plan">
        <p className="text-sm text-rose-800" data-testid="plan-error">
          The plan could not be computed at {formatTime(new Date(stored.computedAt))}: {stored.error.message}
        </p>
        <p className="mt-1 text-sm text-slate-600">Fix the cause, then re-plan. A request without a plan cannot be approved.</p>
      </Card>
    );
  }
  return <PlanView plan={stored.plan} computedAt={new Date(stored.computedAt)} progress={progress} cost={cost} />;
}
