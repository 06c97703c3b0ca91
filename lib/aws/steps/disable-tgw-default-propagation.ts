import { DisableTransitGatewayRouteTablePropagationCommand, EnableTransitGatewayRouteTablePropagationCommand } from "@aws-sdk/client-ec2";
import { z } from "zod";
import type { StepContext, StepExecutor } from "./step-executor";
import { callLog } from "./support/call-log";
import { errorCode, hasCode } from "./support/errors";
import { addCreated, createdOfType, done, hasCreated, isClaimed, resource, startProgress, underClaim, waiting } from "./support/progress";
import { parseInput } from "./support/step-input";
import { attachment, isLive } from "./support/tgw";
import { propagates } from "./support/tgw-propagation";
import { readyAttachment } from "./support/tgw-ready";

/** What undo puts back: the default propagation this step turned off (never one it found off). */
const TYPE = "transit-gateway-default-propagation-removal";
const inputSchema = z.object({ TransitGatewayRouteTableId: z.string(), TransitGatewayAttachmentId: z.string() });
type Input = z.infer<typeof inputSchema>;

const idOf = (i: Input) => `${i.TransitGatewayRouteTableId}|${i.TransitGatewayAttachmentId}`;

/**
 * With DefaultRouteTablePropagation on, AWS propagates a new attachment into the TGW's default table by itself
 * (Transit Gateway guide, tgw-route-tables), which gives every attachment associated there a route to the VPC.
 * The plan has this step only for an attachment it creates or accepts, when it does not want that propagation.
 * A propagation cannot be tagged: the removal is claimed just before the call.
 */
async function execute(ctx: StepContext) {
  const input = parseInput(ctx.step, inputSchema);
  const progress = startProgress(ctx);
  const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
  const id = idOf(input);
  const readiness = await readyAttachment(ctx, progress, input.TransitGatewayAttachmentId);
  if (!readiness.ready) return waiting(progress, readiness.reason);

  if (!(await propagates(ec2, progress.log, input.TransitGatewayRouteTableId, input.TransitGatewayAttachmentId))) {
    // Off: turned off by an earlier attempt whose answer a crash lost (claimed), or never on (nothing to restore).
    if (isClaimed(progress, id)) {
      addCreated(progress, resource(ctx, TYPE, id));
      await progress.save();
    }
    return done(progress);
  }
  try {
    await underClaim(progress, id, () => progress.log.run(ec2.send(new DisableTransitGatewayRouteTablePropagationCommand(input))));
  } catch (error) {
    if (!hasCode(error, "InvalidRouteTablePropagation.NotFound")) throw error;
    return done(progress);
  }
  addCreated(progress, resource(ctx, TYPE, id));
  await progress.save();
  return done(progress);
}

export const disableTgwDefaultPropagation: StepExecutor = {
  execute,

  async verify(ctx) {
    const input = parseInput(ctx.step, inputSchema);
    const on = await propagates(ctx.access.ec2(ctx.step.account, ctx.step.region), callLog(), input.TransitGatewayRouteTableId, input.TransitGatewayAttachmentId);
    return on
      ? { ok: false, problem: `${input.TransitGatewayAttachmentId} propagates into the default route table ${input.TransitGatewayRouteTableId} again` }
      : { ok: true };
  },

  /** Turns the default propagation back on, only if this step turned it off and the attachment is still there. */
  async undo(ctx, record) {
    const input = parseInput(ctx.step, inputSchema);
    const log = callLog();
    if (!hasCreated(createdOfType(record, TYPE), TYPE, idOf(input))) return { requestIds: [] };
    const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
    const a = await attachment(ec2, log, input.TransitGatewayAttachmentId);
    if (!a || !isLive(a)) return { requestIds: log.ids };
    if (await propagates(ec2, log, input.TransitGatewayRouteTableId, input.TransitGatewayAttachmentId)) return { requestIds: log.ids };
    try {
      await log.run(ec2.send(new EnableTransitGatewayRouteTablePropagationCommand(input)));
    } catch (error) {
      if (!errorCode(error).endsWith(".Duplicate")) throw error;
    }
    return { requestIds: log.ids };
  },
};
