import { describe, expect, it } from "vitest";

import { sameDriftFinding } from "./drift-finding";

const route = { step: "route-1", summary: "Route to the cluster", problem: "the route is gone" };
const rule = { step: "sg-1", summary: "Ingress rule", problem: "the rule is gone" };

describe("telling a new drift finding from the stored one", () => {
  it.each([
    ["nothing stored, nothing found", null, [], true],
    ["nothing stored, drift found", null, [route], false],
    // As Postgres returns it: the same finding with its keys in another order.
    [
      "the same finding read back from the database",
      [{ step: "route-1", problem: "the route is gone", summary: "Route to the cluster" }],
      [route],
      true,
    ],
    ["the same problems in another order", [rule, route], [route, rule], true],
    ["one more problem", [route], [route, rule], false],
    ["drift cleared", [route], [], false],
    ["a stored value that is not a finding", { unexpected: true }, [], false],
  ])("%s", (_label, stored, problems, same) => {
    expect(sameDriftFinding(stored, problems)).toBe(same);
  });
});
