import { describe, expect, it } from "vitest";

import { freezeFormSchema, freezeOverrideSchema, policyFormSchema } from "./policy-form";

const policy = (over: Record<string, unknown>) => ({ name: "Prod needs two", match: {}, outcome: { kind: "auto-approve" }, requireEndDate: false, maxDurationDays: null, ...over });
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

// Approvers and requesters read these texts: what is displayed must be what was written.
describe("text in policies and freezes", () => {
  it("refuses direction-changing and control characters at their field", () => {
    expect(messages(policyFormSchema.safeParse(policy({ name: "Prod \u202Eowt sdeen" })))).toEqual([
      expect.stringMatching(/^name: Remove the invisible direction-changing character U\+202E/),
    ]);
    expect(messages(policyFormSchema.safeParse(policy({ outcome: { kind: "reject", reason: "Use the hub\u0000 instead" } })))).toEqual([
      expect.stringMatching(/^outcome.reason: Remove the control character U\+0000/),
    ]);
    const freeze = { startsAt: new Date("2027-01-01T00:00:00Z"), endsAt: new Date("2027-01-02T00:00:00Z") };
    expect(messages(freezeFormSchema.safeParse({ ...freeze, reason: "Year end \u2066freeze" }))).toEqual([expect.stringMatching(/^reason: Remove the invisible/)]);
    expect(messages(freezeOverrideSchema.safeParse({ requestId: "r1", reason: "Outage\u202Afix" }))).toEqual([expect.stringMatching(/^reason: Remove the invisible/)]);
  });

  it("accepts ordinary text, trimmed", () => {
    expect(policyFormSchema.parse(policy({ name: "  Prod needs two  " })).name).toBe("Prod needs two");
  });
});
