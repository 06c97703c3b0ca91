import { CostComparison } from "@/components/plan/cost-comparison";
import { costSummary } from "@/lib/domain/cost/cost-summary";
import type { CostEstimate } from "@/lib/domain/cost/cost-types";
import type { StoredPlan } from "@/lib/domain/plan/stored-plan";
import { formatPorts } from "@/lib/domain/ports";

const METHOD: Record<string, string> = {
  "security-group-only": "security group rule",
  "vpc-peering": "VPC peering",
  "transit-gateway": "transit gateway",
  "multi-vpc-private-connectivity": "multi-VPC private connectivity",
};

// The plan's verdict at a glance; the full change list is on the request's page.
export function PlanVerdict({ stored, cost = null }: { stored: StoredPlan | null; cost?: CostEstimate | null }) {
  if (!stored) return <p className="mt-2 text-sm text-rose-700">No plan yet: it cannot be approved.</p>;
  if (stored.error) return <p className="mt-2 text-sm text-rose-700">Planning failed: {stored.error.message}</p>;
  const { plan } = stored;
  const blocks = plan.preflight.filter((f) => f.severity === "block");
  const warnings = plan.preflight.filter((f) => f.severity === "warn").length;
  return (
    <div className="mt-2 text-sm" data-testid="plan-verdict">
      <p>
        {METHOD[plan.method] ?? plan.method} · {plan.steps.length} change{plan.steps.length === 1 ? "" : "s"} · ports{" "}
        <span className="font-mono text-xs">{formatPorts(plan.ports) || "—"}</span>
        {warnings ? ` · ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}
      </p>
      {cost ? (
        <div className="mt-2 overflow-x-auto" data-testid="queue-cost">
          <p className="text-sm">
            <span className="text-slate-500">Adds </span>
            <span className="font-semibold">{costSummary(cost.planned)}</span>
            {cost.expectedGbPerMonth === null ? <span className="text-slate-500"> (no expected traffic given)</span> : <span className="text-slate-500"> for {cost.expectedGbPerMonth.toLocaleString("en-US")} GB a month</span>}
          </p>
          <CostComparison estimate={cost} />
        </div>
      ) : null}
      {blocks.length ? (
        <ul className="mt-1 list-disc pl-5 text-rose-800">
          {blocks.map((b) => (
            <li key={`${b.code}-${b.message}`}>
              <span className="font-medium">Blocks approval:</span> {b.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
