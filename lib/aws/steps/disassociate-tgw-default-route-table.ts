import { AssociateTransitGatewayRouteTableCommand, DisassociateTransitGatewayRouteTableCommand } from "@aws-sdk/client-ec2";
import { z } from "zod";
import type { StepContext, StepExecutor } from "./step-executor";
import { callLog } from "./support/call-log";
import { hasCode, isNotFound, StepNotReadyError } from "./support/errors";
import { addCreated, createdOfType, done, hasCreated, isClaimed, resource, startProgress, underClaim, waiting, type Progress } from "./support/progress";
import { parseInput } from "./support/step-input";
import { attachment, isLive } from "./support/tgw";
import { readyAttachment } from "./support/tgw-ready";

/** What undo puts back: the default association this step removed (never one it found gone). */
const TYPE = "transit-gateway-default-association-removal";
const inputSchema = z.object({ TransitGatewayRouteTableId: z.string(), TransitGatewayAttachmentId: z.string() });
type Input = z.infer<typeof inputSchema>;

const idOf = (i: Input) => `${i.TransitGatewayRouteTableId}|${i.TransitGatewayAttachmentId}`;

async function gone(ctx: StepContext, progress: Progress, id: string) {
  // Removed by an earlier attempt whose answer a crash lost (claimed), or never there: then nothing to restore.
  if (isClaimed(progress, id)) {
    addCreated(progress, resource(ctx, TYPE, id));
    await progress.save();
  }
  return done(progress);
}

/**
 * The plan has this step only for an attachment it creates or accepts on a TGW with DefaultRouteTableAssociation
 * on, so the association it removes is the one AWS made by itself. AssociateTransitGatewayRouteTable with the
 * hub's table answers Resource.AlreadyAssociated until it is gone (Transit Gateway guide, tgw-route-tables).
 * An association cannot be tagged: the removal is claimed just before the call.
 */
async function execute(ctx: StepContext) {
  const input = parseInput(ctx.step, inputSchema);
  const progress = startProgress(ctx);
  const id = idOf(input);
  const readiness = await readyAttachment(ctx, progress, input.TransitGatewayAttachmentId);
  if (!readiness.ready) return waiting(progress, readiness.reason);
  const assoc = readiness.attachment.Association;
  if (assoc?.TransitGatewayRouteTableId !== input.TransitGatewayRouteTableId || assoc.State === "disassociated") {
    return gone(ctx, progress, id);
  }
  if (assoc.State !== "associated") return waiting(progress, `${input.TransitGatewayAttachmentId} is ${assoc.State ?? "changing"} with ${input.TransitGatewayRouteTableId}`);
  try {
    const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
    const out = await underClaim(progress, id, () => progress.log.run(ec2.send(new DisassociateTransitGatewayRouteTableCommand(input))));
    addCreated(progress, resource(ctx, TYPE, id));
    await progress.save();
    // Done only once it is gone: the association with the hub's table comes next.
    return out.Association?.State === "disassociating" ? waiting(progress, `${input.TransitGatewayAttachmentId} is disassociating`) : done(progress);
  } catch (error) {
    if (!hasCode(error, "InvalidAssociation.NotFound")) throw error;
    return done(progress);
  }
}

export const disassociateTgwDefaultRouteTable: StepExecutor = {
  execute,

  async verify(ctx) {
    const input = parseInput(ctx.step, inputSchema);
    const a = await attachment(ctx.access.ec2(ctx.step.account, ctx.step.region), callLog(), input.TransitGatewayAttachmentId);
    if (!a || !isLive(a)) return { ok: false, problem: `Attachment ${input.TransitGatewayAttachmentId} is ${a?.State ?? "gone"}` };
    const back = a.Association?.TransitGatewayRouteTableId === input.TransitGatewayRouteTableId && a.Association.State !== "disassociated";
    return back ? { ok: false, problem: `${input.TransitGatewayAttachmentId} is associated with the default route table ${input.TransitGatewayRouteTableId} again` } : { ok: true };
  },

  /** Puts the default association back, only if this step removed it and the attachment has no other. */
  async undo(ctx, record) {
    const input = parseInput(ctx.step, inputSchema);
    const log = callLog();
    if (!hasCreated(createdOfType(record, TYPE), TYPE, idOf(input))) return { requestIds: [] };
    const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
    const a = await attachment(ec2, log, input.TransitGatewayAttachmentId);
    if (!a || !isLive(a)) return { requestIds: log.ids };
    const assoc = a.Association;
    if (assoc?.State === "disassociating") throw new StepNotReadyError(`${input.TransitGatewayAttachmentId} is still leaving ${assoc.TransitGatewayRouteTableId ?? "its route table"}`);
    // Associated again, with the default table or one someone else chose: not this step's to move.
    if (assoc && assoc.State !== "disassociated") return { requestIds: log.ids };
    try {
      await log.run(ec2.send(new AssociateTransitGatewayRouteTableCommand(input)));
    } catch (error) {
      if (!hasCode(error, "Resource.AlreadyAssociated") && !isNotFound(error)) throw error;
    }
    return { requestIds: log.ids };
  },
};
