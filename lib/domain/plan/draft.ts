import type { PlanStep, PreflightFinding, ReusedPlace, StepRef, TgwTableRelation, TgwTableReuse } from "./plan-types";

/** The steps and findings a planner accumulates; steps keep insertion order, which is a valid run order. */
export type PlanDraft = {
  steps: PlanStep[];
  preflight: PreflightFinding[];
  reuses: string[];
  tgwTableReuses: TgwTableReuse[];
  reusedIn: ReusedPlace[];
};

/** Where a relied-on resource was found. */
export type Place = { account: string; region: string };

export function newDraft(): PlanDraft {
  return { steps: [], preflight: [], reuses: [], tgwTableReuses: [], reusedIn: [] };
}

/**
 * Records an existing resource the plan relies on instead of creating it, in the id form the step executors
 * record what they create (`pcx-…`, `rtb-…|10.1.0.0/16`, `sgr-…`, `tgw-rtb-…|tgw-attach-…`, `clusterArn#iam`).
 * A teardown of the request that created it keeps it while this one is live.
 */
export function addReuse(draft: PlanDraft, id: string | null | undefined, place: Place): void {
  if (!id || draft.reuses.includes(id)) return;
  draft.reuses.push(id);
  draft.reusedIn.push({ id, account: place.account, region: place.region });
}

/**
 * Relies on a TGW route table's link with an attachment, saying which link (the id alone does not). Route
 * tables are read by the TGW's owner only, so the hub is where it is found.
 */
export function addTgwTableReuse(draft: PlanDraft, hub: Place, routeTableId: string, attachmentId: string, relation: TgwTableRelation): void {
  const id = `${routeTableId}|${attachmentId}`;
  addReuse(draft, id, hub);
  if (!draft.tgwTableReuses.some((r) => r.id === id && r.relation === relation)) draft.tgwTableReuses.push({ id, relation });
}

export function addStep(draft: PlanDraft, step: PlanStep): void {
  if (draft.steps.some((s) => s.key === step.key)) throw new Error(`Duplicate plan step key ${step.key}`);
  const unknown = step.dependsOn.filter((k) => !draft.steps.some((s) => s.key === k));
  if (unknown.length > 0) throw new Error(`Step ${step.key} depends on unknown steps ${unknown.join(", ")}`);
  draft.steps.push(step);
}

export function addFinding(draft: PlanDraft, finding: PreflightFinding): void {
  const same = draft.preflight.some((f) => f.code === finding.code && f.message === finding.message);
  if (!same) draft.preflight.push(finding);
}

export function ref(stepKey: string, output: string): StepRef {
  return { $ref: `${stepKey}.${output}` };
}

/** Output names never contain a dot, so a reference splits at its last one (step keys may hold CIDRs). */
export function parseRef(value: StepRef): { stepKey: string; output: string } {
  const at = value.$ref.lastIndexOf(".");
  return { stepKey: value.$ref.slice(0, at), output: value.$ref.slice(at + 1) };
}

export function isRef(value: unknown): value is StepRef {
  return typeof value === "object" && value !== null && typeof (value as { $ref?: unknown }).$ref === "string";
}

/** Shown in summaries where the id is not known until the step runs. */
export function describeId(value: string | StepRef, placeholder: string): string {
  return typeof value === "string" ? value : placeholder;
}
