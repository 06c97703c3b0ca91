import type { StoredPlan } from "../plan/stored-plan";
import { AUTH_MODES, type AuthMode } from "../request-input";
import type { CostEstimate, MethodEstimate } from "./cost-types";
import { estimatePlanCost } from "./estimate-plan-cost";

export type RequestCostFacts = { stored: StoredPlan | null; authModes: readonly string[]; expectedGbPerMonth: number | null };

/** A stored request's estimate, or null while it has no plan (nothing to price). */
export function requestCostEstimate({ stored, authModes, expectedGbPerMonth }: RequestCostFacts): CostEstimate | null {
  if (!stored?.plan) return null;
  const modes = authModes.filter((m): m is AuthMode => (AUTH_MODES as readonly string[]).includes(m));
  return estimatePlanCost({ plan: stored.plan, authModes: modes, expectedGbPerMonth });
}

/** What one connection adds a month by its planned method: what the dashboard adds up with sumMonthlyCosts. */
export function requestMonthlyCost(facts: RequestCostFacts): MethodEstimate | null {
  return requestCostEstimate(facts)?.planned ?? null;
}
