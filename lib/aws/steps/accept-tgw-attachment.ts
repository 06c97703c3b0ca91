import { AcceptTransitGatewayVpcAttachmentCommand } from "@aws-sdk/client-ec2";
import { z } from "zod";
import type { StepContext, StepExecutor } from "./step-executor";
import { callLog } from "./support/call-log";
import { hasCode, StepConflictError } from "./support/errors";
import { done, startProgress, waiting } from "./support/progress";
import { parseInput } from "./support/step-input";
import { isLive, vpcAttachment } from "./support/tgw";

const inputSchema = z.object({ TransitGatewayAttachmentId: z.string() });

/** Runs as the TGW owner. Done only at `available`: associations, propagations and routes need it. */
async function execute(ctx: StepContext) {
  const { TransitGatewayAttachmentId: id } = parseInput(ctx.step, inputSchema);
  const progress = startProgress(ctx);
  const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
  progress.outputs.TransitGatewayAttachmentId = id;

  const a = await vpcAttachment(ec2, progress.log, id);
  if (!a || !isLive(a)) throw new StepConflictError("TransitGatewayAttachmentGone", `Attachment ${id} is ${a?.State ?? "gone"}`);
  if (a.State === "available") return done(progress);
  if (a.State !== "pendingAcceptance") return waiting(progress, `attachment ${id} is ${a.State ?? "unknown"}`);
  try {
    await progress.log.run(ec2.send(new AcceptTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: id })));
  } catch (error) {
    // Accepted meanwhile: the next check tells.
    if (!hasCode(error, "IncorrectState")) throw error;
  }
  await progress.save();
  return waiting(progress, `attachment ${id} accepted, pending`);
}

export const acceptTgwAttachment: StepExecutor = {
  execute,

  async verify(ctx) {
    const { TransitGatewayAttachmentId: id } = parseInput(ctx.step, inputSchema);
    const a = await vpcAttachment(ctx.access.ec2(ctx.step.account, ctx.step.region), callLog(), id);
    return a?.State === "available" ? { ok: true } : { ok: false, problem: `Attachment ${id} is ${a?.State ?? "gone"}, not available` };
  },

  // Accepting creates nothing; deleting the attachment (attach-vpc-to-tgw's undo) ends it.
  undo: () => Promise.resolve({ requestIds: [] }),
};
