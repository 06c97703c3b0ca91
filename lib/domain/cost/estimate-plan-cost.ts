import type { ConnectionMethod, ConnectionPlan } from "../plan/plan-types";
import { multiVpcFits } from "../plan/multi-vpc-fits";
import type { AuthMode } from "../request-input";
import { costFactsOf, type CostFacts } from "./cost-facts";
import { roundCents } from "./cost-line";
import type { CostEstimate, MethodEstimate } from "./cost-types";
import { methodLines, type MethodLines } from "./method-lines";

export type PlanCostInput = {
  plan: ConnectionPlan;
  /** The request's authentication modes: multi-VPC connectivity makes one connection per scheme. */
  authModes: readonly AuthMode[];
  /** What the requester expects to send and receive in a month; null: per-GB lines stay "per GB". */
  expectedGbPerMonth: number | null;
};

/** The monthly cost of what a plan adds, beside what the same request would cost by the other methods. */
export function estimatePlanCost({ plan, authModes, expectedGbPerMonth }: PlanCostInput): CostEstimate {
  const facts = costFactsOf(plan, authModes);
  const comparison = methodsToCompare(plan.method, facts).map((method) =>
    summarise(method, method === plan.method, methodLines(method, facts, expectedGbPerMonth, method === plan.method)),
  );
  const planned = comparison[0];
  if (!planned) throw new Error("The planned method is always compared");
  return { expectedGbPerMonth, planned, comparison };
}

/**
 * The methods the planner can build for this request, the planned one first: peering, and in the cluster's
 * Region multi-VPC connectivity (chosen by the requester) and, across accounts, the TGW hub (a platform
 * setting). On-premises only goes through the hub, SaaS only through multi-VPC connectivity.
 */
export function methodsToCompare(plannedMethod: ConnectionMethod, facts: CostFacts): ConnectionMethod[] {
  const sameRegion = facts.clientRegion === facts.clusterRegion;
  const mvpc = facts.clientRegion !== null && multiVpcFits(facts.clientRegion, facts.clusterRegion, facts.authModes);
  const possible: ConnectionMethod[] =
    facts.scenario === "cross-vpc" || facts.scenario === "cross-account" || facts.scenario === "cross-region"
      ? [
          "vpc-peering",
          ...(facts.scenario === "cross-account" && sameRegion ? (["transit-gateway"] as const) : []),
          ...(mvpc ? (["multi-vpc-private-connectivity"] as const) : []),
        ]
      : [];
  return [plannedMethod, ...possible.filter((m) => m !== plannedMethod)];
}

function summarise(method: ConnectionMethod, planned: boolean, { lines, notes }: MethodLines): MethodEstimate {
  const sum = (values: number[]) => roundCents(values.reduce((a, b) => a + b, 0));
  const hourly = lines.filter((l) => l.unit === "hour");
  const perGb = lines.filter((l) => l.unit === "GB");
  const incomplete = lines.some((l) => l.unitPriceUsd === null);
  const trafficUnknown = perGb.some((l) => l.quantity === null);
  const fixedMonthlyUsd = sum(hourly.flatMap((l) => (l.monthlyUsd === null ? [] : [l.monthlyUsd])));
  const rates = perGb.map((l) => l.unitPriceUsd);
  return {
    method,
    planned,
    lines,
    notes,
    fixedMonthlyUsd,
    perGbUsd: rates.some((r) => r === null) ? null : Math.round(rates.reduce<number>((a, r) => a + (r ?? 0), 0) * 10000) / 10000,
    totalMonthlyUsd: incomplete || trafficUnknown ? null : sum(lines.map((l) => l.monthlyUsd ?? 0)),
    incomplete,
    unconfirmed: lines.some((l) => !l.confirmed),
  };
}
