import { describe, expect, it } from "vitest";

import { confirmationProblem, isReasonedAction, reasonSchema } from "./reasoned-actions";

describe("reasons for ending or undoing a request", () => {
  it.each([
    ["", false],
    ["nope", false],
    ["   no    ", false],
    ["Moved to the shared hub", true],
  ])("%j is %s as a reason", (text, ok) => {
    expect(reasonSchema.safeParse(text).success).toBe(ok);
  });

  it("covers reject, cancel, roll back and decommission, not approve or retry", () => {
    expect(["reject", "cancel", "rollback", "decommission"].every(isReasonedAction)).toBe(true);
    expect(["approve", "retry"].some(isReasonedAction)).toBe(false);
  });
});

describe("confirming a production request by its number", () => {
  const prod = { environment: "prod" as const, number: 42 };
  it.each([
    [prod, "42", null],
    [prod, " #42 ", null],
    [prod, "41", "type its number"],
    [prod, undefined, "type its number"],
    [prod, 42, "type its number"],
    [{ environment: "dev" as const, number: 42 }, undefined, null],
    [{ environment: "staging" as const, number: 42 }, "", null],
  ])("%j typed %j", (request, typed, problem) => {
    const result = confirmationProblem(request, typed);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toContain(problem);
  });
});
