import { readJsonColumn } from "../json/read-json-column";
import { plannedSchema, planningFailedSchema } from "./connection-plan-schema";
import type { ConnectionPlan } from "./plan-types";

/** What a request keeps of its planning: the plan, or why it could not be made, and from when. */
export type StoredPlan =
  | { computedAt: string; plan: ConnectionPlan; error?: undefined }
  | { computedAt: string; plan?: undefined; error: { message: string; field?: string } };

// Null only while there is no plan yet. A stored value that is not a plan stops the caller with the row and
// the path named: approving, provisioning or showing a guess would act on a plan nobody reviewed.
export function readStoredPlan(request: { id: string; plan: unknown }): StoredPlan | null {
  if (request.plan === null || request.plan === undefined) return null;
  // Told apart by the key before parsing, so that a broken plan is reported at its own path.
  const schema = typeof request.plan === "object" && "plan" in request.plan ? plannedSchema : planningFailedSchema;
  return readJsonColumn(schema, request.plan, { table: "AccessRequest", column: "plan", id: request.id });
}

/** Nothing without an approvable plan can be approved: no plan yet counts as blocked. */
export function planBlocksApproval(stored: StoredPlan | null): boolean {
  return !stored?.plan?.approvable;
}
