import { describe, expect, it } from "vitest";

import { readDriftProblems } from "./drift-problems";

describe("readDriftProblems", () => {
  it.each([
    [null, []],
    [[{ step: "route", summary: "Route to the MSK VPC", problem: "missing" }], [{ step: "route", summary: "Route to the MSK VPC", problem: "missing" }]],
    [[{ summary: 3 }], [{ step: "", summary: "Unreadable drift record", problem: '{"summary":3}' }]],
    ["gone", [{ step: "", summary: "Unreadable drift record", problem: '"gone"' }]],
  ])("reads %j", (stored, expected) => {
    expect(readDriftProblems(stored)).toEqual(expected);
  });
});
