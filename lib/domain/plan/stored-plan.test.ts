import { describe, expect, it } from "vitest";

import { UnreadableColumnError } from "../json/read-json-column";
import { planBlocksApproval, readStoredPlan } from "./stored-plan";
import { planConnection } from "./plan-connection";
import { vpcInput } from "./test-fixtures";

const plan = planConnection(vpcInput({}));
const row = (value: unknown) => ({ id: "req-1", plan: value });
// What the database hands back: JSON, with `undefined` fields gone.
const stored = (value: unknown) => row(JSON.parse(JSON.stringify(value)));

describe("readStoredPlan", () => {
  it("reads no plan yet as null", () => {
    expect(readStoredPlan(row(null))).toBeNull();
  });

  it("reads a plan as the planner stored it", () => {
    expect(readStoredPlan(stored({ computedAt: "t", plan }))).toEqual({ computedAt: "t", plan: JSON.parse(JSON.stringify(plan)) });
  });

  it.each([
    [{ computedAt: "t", error: { message: "gone", field: "client.vpcId" } }],
    [{ computedAt: "t", error: { message: "gone" } }],
  ])("reads why planning failed: %j", (value) => {
    expect(readStoredPlan(row(value))).toEqual(value);
  });

  it("reads a plan stored before plans listed what they rely on as relying on nothing", () => {
    const older = Object.fromEntries(Object.entries(plan).filter(([key]) => key !== "reuses"));
    expect(readStoredPlan(stored({ computedAt: "t", plan: older }))?.plan?.reuses).toEqual([]);
  });

  it.each([
    ["nothing it knows", {}, /^AccessRequest\.plan of row req-1 cannot be read: computedAt: .*error: /],
    ["steps that are not a list", { computedAt: "t", plan: { ...plan, steps: "x" } }, /: plan\.steps: /],
    ["an unknown step kind", { computedAt: "t", plan: { ...plan, steps: [{ ...plan.steps[0], kind: "delete-everything" }] } }, /: plan\.steps\.0\.kind: /],
    ["a verdict that is not a boolean", { computedAt: "t", plan: { ...plan, approvable: "yes" } }, /: plan\.approvable: /],
  ])("refuses %s, naming the row and the path", (_name, value, message) => {
    expect(() => readStoredPlan(stored(value))).toThrow(UnreadableColumnError);
    expect(() => readStoredPlan(stored(value))).toThrow(message);
  });

  it("says whether a plan may be approved", () => {
    expect(planBlocksApproval(readStoredPlan(stored({ computedAt: "t", plan })))).toBe(false);
    expect(planBlocksApproval(readStoredPlan(stored({ computedAt: "t", plan: { ...plan, approvable: false } })))).toBe(true);
    expect(planBlocksApproval(readStoredPlan(row({ computedAt: "t", error: { message: "x" } })))).toBe(true);
    expect(planBlocksApproval(null)).toBe(true);
  });
});
