import {
  CreateTransitGatewayVpcAttachmentCommand,
  DeleteTransitGatewayVpcAttachmentCommand,
  type TransitGatewayVpcAttachment,
} from "@aws-sdk/client-ec2";
import { z } from "zod";
import type { StepContext, StepExecutor } from "./step-executor";
import { callLog } from "./support/call-log";
import { hasCode, isNotFound, StepConflictError } from "./support/errors";
import { addCreated, createdOfType, done, hasCreated, resource, startProgress, waiting, type Progress } from "./support/progress";
import { parseInput } from "./support/step-input";
import { carriesOurTags, ec2TagFilters, ec2TagSpecifications } from "./support/tags";
import { isLive, vpcAttachment, vpcAttachments, zonesOf } from "./support/tgw";

const TYPE = "transit-gateway-attachment";
const OUTPUT = "TransitGatewayAttachmentId";
const inputSchema = z.object({
  TransitGatewayId: z.string(),
  VpcId: z.string(),
  SubnetIds: z.array(z.string()).min(1),
  Options: z
    .object({
      DnsSupport: z.enum(["enable", "disable"]).optional(),
      SecurityGroupReferencingSupport: z.enum(["enable", "disable"]).optional(),
    })
    .optional(),
});
type Input = z.infer<typeof inputSchema>;

const sameLink = (a: TransitGatewayVpcAttachment, input: Input) => a.TransitGatewayId === input.TransitGatewayId && a.VpcId === input.VpcId;

async function own(ctx: StepContext, progress: Progress, input: Input): Promise<TransitGatewayVpcAttachment | null> {
  const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
  const recorded = progress.outputs[OUTPUT];
  if (recorded && hasCreated(progress.created, TYPE, recorded)) {
    const a = await vpcAttachment(ec2, progress.log, recorded);
    if (a && isLive(a) && sameLink(a, input)) return a;
  }
  const tagged = await vpcAttachments(ec2, progress.log, ec2TagFilters(ctx), ctx.access.pageSize);
  return tagged.find((a) => isLive(a) && sameLink(a, input)) ?? null;
}

/** Done as soon as AWS has it: acceptance (another account) and `available` are later steps' business. */
function settle(progress: Progress, a: TransitGatewayVpcAttachment) {
  const id = a.TransitGatewayAttachmentId ?? "";
  const state = a.State ?? "unknown";
  if (["pendingAcceptance", "pending", "available", "modifying"].includes(state)) return done(progress);
  if (state === "initiating" || state === "initiatingRequest") return waiting(progress, `attachment ${id} is ${state}`);
  throw new StepConflictError("TransitGatewayAttachmentGone", `Attachment ${id} is ${state}`);
}

/** One attachment per VPC and TGW: one made elsewhere is used when it reaches every zone the plan needs. */
async function adoptExisting(ctx: StepContext, progress: Progress, input: Input, existing: TransitGatewayVpcAttachment) {
  const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
  const id = existing.TransitGatewayAttachmentId ?? "";
  const [have, need] = await Promise.all([zonesOf(ec2, progress.log, existing.SubnetIds ?? []), zonesOf(ec2, progress.log, input.SubnetIds)]);
  const missing = [...need].filter((z) => !have.has(z));
  if (missing.length > 0) {
    throw new StepConflictError(
      "TransitGatewayAttachmentElsewhere",
      `${input.VpcId} is already attached to ${input.TransitGatewayId} by ${id}, which has no subnet in ${missing.join(", ")}`,
    );
  }
  progress.outputs[OUTPUT] = id;
  if (carriesOurTags(ctx, existing.Tags)) addCreated(progress, resource(ctx, TYPE, id));
  await progress.save();
  return settle(progress, existing);
}

async function execute(ctx: StepContext) {
  const input = parseInput(ctx.step, inputSchema);
  const progress = startProgress(ctx);
  const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);

  const mine = await own(ctx, progress, input);
  if (mine?.TransitGatewayAttachmentId) {
    progress.outputs[OUTPUT] = mine.TransitGatewayAttachmentId;
    addCreated(progress, resource(ctx, TYPE, mine.TransitGatewayAttachmentId));
    return settle(progress, mine);
  }
  const live = () =>
    vpcAttachments(
      ec2,
      progress.log,
      [
        { Name: "transit-gateway-id", Values: [input.TransitGatewayId] },
        { Name: "vpc-id", Values: [input.VpcId] },
      ],
      ctx.access.pageSize,
    ).then((all) => all.find(isLive) ?? null);
  const other = await live();
  if (other) return adoptExisting(ctx, progress, input, other);
  try {
    const out = await progress.log.run(
      ec2.send(new CreateTransitGatewayVpcAttachmentCommand({ ...input, TagSpecifications: ec2TagSpecifications(ctx, "transit-gateway-attachment") })),
    );
    const made = out.TransitGatewayVpcAttachment;
    const id = made?.TransitGatewayAttachmentId;
    if (!made || !id) throw new Error("CreateTransitGatewayVpcAttachment returned no attachment id");
    progress.outputs[OUTPUT] = id;
    addCreated(progress, resource(ctx, TYPE, id));
    await progress.save();
    return settle(progress, made);
  } catch (error) {
    // The race the closest existing tool lost: two requests attaching one VPC at once.
    if (!hasCode(error, "DuplicateTransitGatewayAttachment")) throw error;
    const raced = await live();
    if (!raced) throw error;
    return adoptExisting(ctx, progress, input, raced);
  }
}

export const attachVpcToTgw: StepExecutor = {
  execute,

  async verify(ctx, record) {
    const input = parseInput(ctx.step, inputSchema);
    const id = record.outputs[OUTPUT];
    if (!id) return { ok: false, problem: "No attachment id was recorded" };
    const a = await vpcAttachment(ctx.access.ec2(ctx.step.account, ctx.step.region), callLog(), id);
    if (!a || !isLive(a)) return { ok: false, problem: `Attachment ${id} is ${a?.State ?? "gone"}` };
    if (!sameLink(a, input)) return { ok: false, problem: `Attachment ${id} no longer joins ${input.VpcId} to ${input.TransitGatewayId}` };
    return { ok: true };
  },

  async undo(ctx, record) {
    const log = callLog();
    const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
    for (const item of createdOfType(record, TYPE)) {
      const a = await vpcAttachment(ec2, log, item.id);
      if (!a || !isLive(a)) continue;
      try {
        // While `pending` AWS answers IncorrectState, which the runner retries.
        await log.run(ec2.send(new DeleteTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: item.id })));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return { requestIds: log.ids };
  },
};
