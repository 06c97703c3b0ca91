import type { StepContext, StepExecutor } from "../step-executor";

/**
 * A step kind whose plan steps use one of several commands on the same AWS relation (an association made or
 * removed, a propagation turned on or off): the step's command picks the executor, `main` when none matches.
 */
export function byCommand(main: StepExecutor, others: Record<string, StepExecutor>): StepExecutor {
  const pick = (ctx: StepContext): StepExecutor => others[ctx.step.command] ?? main;
  return {
    execute: (ctx) => pick(ctx).execute(ctx),
    verify: (ctx, record) => pick(ctx).verify(ctx, record),
    undo: (ctx, record) => pick(ctx).undo(ctx, record),
  };
}
