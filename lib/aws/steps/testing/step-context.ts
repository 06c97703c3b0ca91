import type { PlanStep, StepKind } from "@/lib/domain/plan";
import type { AwsAccess } from "../../aws-access";
import type { StepContext, StepRecord } from "../step-executor";

export const TAG_KEYS = { requestId: "msk-portal:request-id", stepKey: "msk-portal:step-key" };
export const REQUEST_ID = "req-steps-1";

export function planStep(args: {
  key: string;
  kind: StepKind;
  account: string;
  region?: string;
  command: string;
  input: Record<string, unknown>;
  undo?: PlanStep["undo"];
}): PlanStep {
  return {
    key: args.key,
    kind: args.kind,
    account: args.account,
    region: args.region ?? "us-east-1",
    command: args.command,
    input: args.input,
    dependsOn: [],
    creates: null,
    undo: args.undo ?? null,
    summary: args.key,
  };
}

/** A context whose record() keeps every save, and can play a crash by throwing on the n-th save. */
export type TestContext = StepContext & { saves: StepRecord[] };

export function testContext(
  access: AwsAccess,
  step: PlanStep,
  options: { previous?: StepRecord | null; requestId?: string; crashOnSave?: number } = {},
): TestContext {
  const saves: StepRecord[] = [];
  return {
    access,
    requestId: options.requestId ?? REQUEST_ID,
    step,
    tagKeys: TAG_KEYS,
    previous: options.previous ?? null,
    saves,
    record(progress) {
      if (options.crashOnSave !== undefined && saves.length + 1 === options.crashOnSave) return Promise.reject(new Error("simulated crash"));
      saves.push(progress);
      return Promise.resolve();
    },
  };
}
