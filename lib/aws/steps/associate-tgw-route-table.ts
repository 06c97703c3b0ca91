import { AssociateTransitGatewayRouteTableCommand, DisassociateTransitGatewayRouteTableCommand } from "@aws-sdk/client-ec2";
import { z } from "zod";
import type { StepContext, StepExecutor } from "./step-executor";
import { callLog } from "./support/call-log";
import { hasCode, isNotFound, StepConflictError } from "./support/errors";
import { addCreated, markReused, underClaim, createdOfType, done, hasCreated, isClaimed, resource, startProgress, waiting } from "./support/progress";
import { parseInput } from "./support/step-input";
import { attachment } from "./support/tgw";
import { currentAssociation, readyAttachment } from "./support/tgw-ready";

const TYPE = "transit-gateway-route-table-association";
const inputSchema = z.object({ TransitGatewayRouteTableId: z.string(), TransitGatewayAttachmentId: z.string() });
type Input = z.infer<typeof inputSchema>;

const idOf = (i: Input) => `${i.TransitGatewayRouteTableId}|${i.TransitGatewayAttachmentId}`;

/**
 * An association cannot be tagged: it is this step's when recorded, or claimed just before the call. It waits
 * for the attachment to be available, and for a previous association (the TGW's default one, which the plan's
 * disassociation step removes) to be gone.
 */
async function execute(ctx: StepContext) {
  const input = parseInput(ctx.step, inputSchema);
  const progress = startProgress(ctx);
  const id = idOf(input);
  const ours = hasCreated(progress.created, TYPE, id) || isClaimed(progress, id);
  const settle = (state: string | undefined) =>
    state === "associating" ? waiting(progress, `association of ${input.TransitGatewayAttachmentId} is associating`) : done(progress);

  const readiness = await readyAttachment(ctx, progress, input.TransitGatewayAttachmentId);
  if (!readiness.ready) return waiting(progress, readiness.reason);
  if (readiness.attachment.Association?.State === "disassociating") {
    return waiting(progress, `${input.TransitGatewayAttachmentId} is still leaving ${readiness.attachment.Association.TransitGatewayRouteTableId ?? "its route table"}`);
  }
  const current = currentAssociation(readiness.attachment);
  if (current) {
    if (current.TransitGatewayRouteTableId !== input.TransitGatewayRouteTableId) {
      throw new StepConflictError(
        "TransitGatewayAssociationElsewhere",
        `${input.TransitGatewayAttachmentId} is associated with ${current.TransitGatewayRouteTableId ?? "another table"}, not ${input.TransitGatewayRouteTableId}; the portal does not move what it did not set`,
      );
    }
    if (ours) addCreated(progress, resource(ctx, TYPE, id));
    else markReused(progress, id);
    return settle(current.State);
  }
  try {
    const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
    const out = await underClaim(progress, id, () => progress.log.run(ec2.send(new AssociateTransitGatewayRouteTableCommand(input))));
    addCreated(progress, resource(ctx, TYPE, id));
    await progress.save();
    return settle(out.Association?.State);
  } catch (error) {
    if (!hasCode(error, "Resource.AlreadyAssociated")) throw error;
    delete progress.outputs.claimed;
    await progress.save();
    // Associated meanwhile by someone else: fine if it is the planned table, never this step's to undo.
    const again = await readyAttachment(ctx, progress, input.TransitGatewayAttachmentId);
    if (!again.ready) return waiting(progress, again.reason);
    if (again.attachment.Association?.State === "disassociating") return waiting(progress, `${input.TransitGatewayAttachmentId} is still leaving its route table`);
    const raced = currentAssociation(again.attachment);
    if (raced?.TransitGatewayRouteTableId !== input.TransitGatewayRouteTableId) throw error;
    return settle(raced.State);
  }
}

export const associateTgwRouteTable: StepExecutor = {
  execute,

  async verify(ctx) {
    const input = parseInput(ctx.step, inputSchema);
    const a = await attachment(ctx.access.ec2(ctx.step.account, ctx.step.region), callLog(), input.TransitGatewayAttachmentId);
    const table = a?.Association?.State === "associated" ? a.Association.TransitGatewayRouteTableId : undefined;
    return table === input.TransitGatewayRouteTableId
      ? { ok: true }
      : { ok: false, problem: `${input.TransitGatewayAttachmentId} is not associated with ${input.TransitGatewayRouteTableId}` };
  },

  async undo(ctx, record) {
    const input = parseInput(ctx.step, inputSchema);
    const log = callLog();
    if (!hasCreated(createdOfType(record, TYPE), TYPE, idOf(input))) return { requestIds: [] };
    const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
    const a = await attachment(ec2, log, input.TransitGatewayAttachmentId);
    if (!a || a.Association?.TransitGatewayRouteTableId !== input.TransitGatewayRouteTableId || a.Association.State === "disassociated") {
      return { requestIds: log.ids };
    }
    try {
      await log.run(ec2.send(new DisassociateTransitGatewayRouteTableCommand(input)));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    return { requestIds: log.ids };
  },
};
