import { DisableTransitGatewayRouteTablePropagationCommand, EnableTransitGatewayRouteTablePropagationCommand } from "@aws-sdk/client-ec2";
import { z } from "zod";
import type { StepContext, StepExecutor } from "./step-executor";
import { callLog } from "./support/call-log";
import { errorCode, isNotFound } from "./support/errors";
import { addCreated, markReused, underClaim, createdOfType, done, hasCreated, isClaimed, resource, startProgress, waiting } from "./support/progress";
import { parseInput } from "./support/step-input";
import { propagates } from "./support/tgw-propagation";
import { readyAttachment } from "./support/tgw-ready";

const TYPE = "transit-gateway-route-table-propagation";
const inputSchema = z.object({ TransitGatewayRouteTableId: z.string(), TransitGatewayAttachmentId: z.string() });
type Input = z.infer<typeof inputSchema>;

const idOf = (i: Input) => `${i.TransitGatewayRouteTableId}|${i.TransitGatewayAttachmentId}`;

/**
 * A propagation cannot be tagged: the (table, attachment) pair is its identity; ownership is recorded or claimed.
 * One AWS made by itself (the TGW's default propagation) is found without a claim: reused, never undone.
 */
async function execute(ctx: StepContext) {
  const input = parseInput(ctx.step, inputSchema);
  const progress = startProgress(ctx);
  const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
  const id = idOf(input);
  const ours = hasCreated(progress.created, TYPE, id) || isClaimed(progress, id);
  const readiness = await readyAttachment(ctx, progress, input.TransitGatewayAttachmentId);
  if (!readiness.ready) return waiting(progress, readiness.reason);

  if (await propagates(ec2, progress.log, input.TransitGatewayRouteTableId, input.TransitGatewayAttachmentId)) {
    if (ours) addCreated(progress, resource(ctx, TYPE, id));
    else markReused(progress, id);
    return done(progress);
  }
  try {
    await underClaim(progress, id, () => progress.log.run(ec2.send(new EnableTransitGatewayRouteTablePropagationCommand(input))));
  } catch (error) {
    if (!errorCode(error).endsWith(".Duplicate")) throw error;
    // It existed although the read missed it: this step's only if an earlier attempt claimed it.
    if (!ours) {
      delete progress.outputs.claimed;
      await progress.save();
      return done(progress);
    }
  }
  addCreated(progress, resource(ctx, TYPE, id));
  await progress.save();
  return done(progress);
}

export const enableTgwPropagation: StepExecutor = {
  execute,

  async verify(ctx) {
    const input = parseInput(ctx.step, inputSchema);
    const ok = await propagates(ctx.access.ec2(ctx.step.account, ctx.step.region), callLog(), input.TransitGatewayRouteTableId, input.TransitGatewayAttachmentId);
    return ok ? { ok: true } : { ok: false, problem: `${input.TransitGatewayAttachmentId} does not propagate into ${input.TransitGatewayRouteTableId}` };
  },

  async undo(ctx, record) {
    const input = parseInput(ctx.step, inputSchema);
    const log = callLog();
    if (!hasCreated(createdOfType(record, TYPE), TYPE, idOf(input))) return { requestIds: [] };
    try {
      await log.run(ctx.access.ec2(ctx.step.account, ctx.step.region).send(new DisableTransitGatewayRouteTablePropagationCommand(input)));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    return { requestIds: log.ids };
  },
};
