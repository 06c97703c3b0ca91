import { describe, expect, it } from "vitest";

import { planConnection } from "./plan-connection";
import { planStepSchema } from "./plan-step-schema";
import { client, onPremInput, vpcInput } from "./test-fixtures";

// The runner reads every stored definition through this schema: whatever the planner writes must read back.
describe("planStepSchema", () => {
  it.each([
    ["peering", vpcInput({ clientFacts: client() })],
    ["transit gateway", onPremInput()],
  ])("reads back every step of a %s plan stored as JSON", (_name, input) => {
    const steps = planConnection(input).steps;
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      const stored: unknown = JSON.parse(JSON.stringify(step));
      expect(planStepSchema.parse(stored)).toEqual(stored);
    }
  });

  it("refuses a step kind the runner has no executor for", () => {
    const [step] = planConnection(onPremInput()).steps;
    expect(planStepSchema.safeParse({ ...step, kind: "delete-everything" }).success).toBe(false);
  });
});
