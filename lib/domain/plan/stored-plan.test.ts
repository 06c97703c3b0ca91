import { describe, expect, it } from "vitest";

import { planBlocksApproval, readStoredPlan } from "./stored-plan";

const plan = { steps: [], preflight: [], approvable: true };

describe("readStoredPlan", () => {
  it.each([
    [null, null],
    [{}, null],
    [{ computedAt: "t" }, null],
    [{ computedAt: "t", plan: { steps: "x" } }, null],
    [{ computedAt: "t", error: { message: "gone", field: "client.vpcId" } }, { computedAt: "t", error: { message: "gone", field: "client.vpcId" } }],
    [{ computedAt: "t", error: { message: "gone" } }, { computedAt: "t", error: { message: "gone" } }],
  ])("%j -> %j", (value, expected) => {
    expect(readStoredPlan(value)).toEqual(expected);
  });

  it("reads a plan and says whether it may be approved", () => {
    expect(planBlocksApproval(readStoredPlan({ computedAt: "t", plan }))).toBe(false);
    expect(planBlocksApproval(readStoredPlan({ computedAt: "t", plan: { ...plan, approvable: false } }))).toBe(true);
    expect(planBlocksApproval(readStoredPlan({ computedAt: "t", error: { message: "x" } }))).toBe(true);
    expect(planBlocksApproval(null)).toBe(true);
  });
});
