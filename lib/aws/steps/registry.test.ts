import { describe, expect, it } from "vitest";
import { STEP_KINDS, type StepKind } from "@/lib/domain/plan";
import { executorFor } from "./step-executor";

describe("executorFor", () => {
  it("has an executor for every step kind the planner emits", () => {
    for (const kind of STEP_KINDS) {
      const executor = executorFor(kind);
      expect(typeof executor.execute).toBe("function");
      expect(typeof executor.verify).toBe("function");
      expect(typeof executor.undo).toBe("function");
    }
  });

  it("refuses a kind it does not know", () => {
    expect(() => executorFor("delete-everything" as StepKind)).toThrow(/No executor for step kind delete-everything/);
  });
});
