import { expect } from "vitest";
import type { StepExecutor, StepRecord } from "../step-executor";
import { executeUntilDone, undoUntilDone, verify, verifyFails } from "./drive";
import type { TestContext } from "./step-context";

/**
 * The contract every executor keeps: execute -> verify ok -> execute again gives the same record and AWS holds
 * no duplicate -> undo -> verify reports a problem -> undo again succeeds.
 */
export async function checkLifecycle(args: {
  executor: StepExecutor;
  ctx: TestContext;
  /** How many of the step's things AWS holds (peerings between the VPCs, rules on the group...). */
  count: () => Promise<number>;
  expectCreated?: number;
  /** For steps that create nothing (accept-*): undoing the step they act on is what makes verify fail. */
  undoPrerequisite?: () => Promise<void>;
}): Promise<{ record: StepRecord; problem: string }> {
  const { executor, ctx, count } = args;
  const record = await executeUntilDone(executor, ctx);
  expect(await verify(executor, ctx, record)).toEqual({ ok: true });
  if (args.expectCreated !== undefined) expect(record.created).toHaveLength(args.expectCreated);
  expect(record.requestIds.length).toBeGreaterThan(0);
  const held = await count();

  const again = await executeUntilDone(executor, { ...ctx, previous: record });
  expect(again.outputs).toEqual(record.outputs);
  expect(again.created).toEqual(record.created);
  expect(await count()).toBe(held);

  const undone = await undoUntilDone(executor, ctx, again);
  if (args.undoPrerequisite) {
    expect(undone.requestIds).toEqual([]);
    expect(await verify(executor, ctx, again)).toEqual({ ok: true });
    await args.undoPrerequisite();
  } else {
    expect(undone.requestIds.length).toBeGreaterThan(0);
  }
  const problem = await verifyFails(executor, ctx, again);
  await undoUntilDone(executor, ctx, again);
  return { record, problem };
}
