import { z } from "zod";
import { describe, expect, it } from "vitest";

import { readJsonColumn, UnreadableColumnError } from "./read-json-column";

const schema = z.object({ name: z.string() });
const ref = { table: "PlanStep", column: "definition", id: "step-1" };

describe("readJsonColumn", () => {
  it("returns the parsed value", () => {
    expect(readJsonColumn(schema, { name: "a", extra: 1 }, ref)).toEqual({ name: "a" });
  });

  it("names the table, column, row and the failing field", () => {
    expect(() => readJsonColumn(schema, { name: 3 }, ref)).toThrow(UnreadableColumnError);
    expect(() => readJsonColumn(schema, { name: 3 }, ref)).toThrow(/^PlanStep\.definition of row step-1 cannot be read: name: /);
  });
});
