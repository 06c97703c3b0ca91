import type { ConnectionPlan } from "./plan-types";

/** What a request keeps of its planning: the plan, or why it could not be made, and from when. */
export type StoredPlan =
  | { computedAt: string; plan: ConnectionPlan; error?: undefined }
  | { computedAt: string; plan?: undefined; error: { message: string; field?: string } };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// The plan is stored as JSON by this same code, so a shallow shape check is enough to tell the two cases
// (and an older or hand-edited row) apart.
export function readStoredPlan(value: unknown): StoredPlan | null {
  if (!isObject(value) || typeof value.computedAt !== "string") return null;
  if (isObject(value.plan) && Array.isArray(value.plan.steps) && Array.isArray(value.plan.preflight)) {
    return { computedAt: value.computedAt, plan: value.plan as unknown as ConnectionPlan };
  }
  if (isObject(value.error) && typeof value.error.message === "string") {
    const field = typeof value.error.field === "string" ? value.error.field : undefined;
    return { computedAt: value.computedAt, error: { message: value.error.message, ...(field ? { field } : {}) } };
  }
  return null;
}

/** Nothing without an approvable plan can be approved: no plan yet counts as blocked. */
export function planBlocksApproval(stored: StoredPlan | null): boolean {
  return !stored?.plan?.approvable;
}
