import { isRef, parseRef } from "@/lib/domain/plan/draft";

export type StepOutputs = ReadonlyMap<string, Record<string, string>>;

// Values an earlier step produced are written in the plan as { $ref: "<stepKey>.<output>" }. References to
// "cluster.*" are left for the executor, which reads them from AWS at the moment it needs them.
export function resolveRefs<T>(value: T, outputs: StepOutputs): T {
  return walk(value, outputs) as T;
}

function walk(value: unknown, outputs: StepOutputs): unknown {
  if (isRef(value)) {
    const { stepKey, output } = parseRef(value);
    if (stepKey === "cluster") return value;
    const resolved = outputs.get(stepKey)?.[output];
    if (resolved === undefined) throw new Error(`step "${stepKey}" has not produced "${output}" yet`);
    return resolved;
  }
  if (Array.isArray(value)) return value.map((v) => walk(v, outputs));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, outputs)]));
  }
  return value;
}
