import {
  CreateVpcConnectionCommand,
  DeleteVpcConnectionCommand,
  DescribeVpcConnectionCommand,
  ListVpcConnectionsCommand,
  type DescribeVpcConnectionResponse,
  type KafkaClient,
} from "@aws-sdk/client-kafka";
import { z } from "zod";
import { collectPages } from "../collect-pages";
import type { StepContext, StepExecutor } from "./step-executor";
import { callLog, type CallLog } from "./support/call-log";
import { hasCode, isNotFound, StepConflictError } from "./support/errors";
import { addCreated, createdOfType, done, resource, startProgress, waiting, type Progress } from "./support/progress";
import { parseInput } from "./support/step-input";
import { kafkaCarriesOurTags, kafkaTags } from "./support/tags";

const TYPE = "msk-vpc-connection";
const OUTPUT = "VpcConnectionArn";
const inputSchema = z.object({
  TargetClusterArn: z.string(),
  Authentication: z.string(),
  VpcId: z.string(),
  ClientSubnets: z.array(z.string()).min(1),
  SecurityGroups: z.array(z.string()).min(1),
});
type Input = z.infer<typeof inputSchema>;
const GONE = ["DELETING", "REJECTING", "REJECTED", "FAILED", "DEACTIVATING", "INACTIVE"];

async function describe(kafka: KafkaClient, log: CallLog, arn: string): Promise<DescribeVpcConnectionResponse | null> {
  try {
    return await log.run(kafka.send(new DescribeVpcConnectionCommand({ Arn: arn })));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** The client account's live connection from this VPC to the cluster with this scheme (AWS allows one). */
async function findExisting(kafka: KafkaClient, log: CallLog, input: Input, pageSize: number) {
  const all = await collectPages(
    (NextToken) => log.run(kafka.send(new ListVpcConnectionsCommand({ MaxResults: Math.min(pageSize, 100), NextToken }))),
    (p) => p.VpcConnections,
    (p) => p.NextToken,
  );
  const hit = all.find(
    (c) =>
      c.TargetClusterArn === input.TargetClusterArn &&
      c.VpcId === input.VpcId &&
      c.Authentication === input.Authentication &&
      !GONE.includes(c.State ?? ""),
  );
  return hit?.VpcConnectionArn ? describe(kafka, log, hit.VpcConnectionArn) : null;
}

function settle(progress: Progress, c: DescribeVpcConnectionResponse) {
  const state = c.State ?? "unknown";
  if (state === "AVAILABLE") return done(progress);
  if (state === "CREATING") return waiting(progress, `VPC connection ${c.VpcConnectionArn ?? ""} is CREATING`);
  throw new StepConflictError("VpcConnectionGone", `VPC connection ${c.VpcConnectionArn ?? ""} is ${state}`);
}

async function execute(ctx: StepContext) {
  const input = parseInput(ctx.step, inputSchema);
  const progress = startProgress(ctx);
  const kafka = ctx.access.kafka(ctx.step.account, ctx.step.region);

  const recorded = progress.outputs[OUTPUT];
  const known = recorded ? await describe(kafka, progress.log, recorded) : null;
  if (recorded && known && !GONE.includes(known.State ?? "")) return settle(progress, known);
  // CreateVpcConnection has no idempotency token: an answer lost after MSK made the connection would
  // make a second one, so the client account's own connections are looked through first.
  const before = await findExisting(kafka, progress.log, input, ctx.access.pageSize);
  if (before?.VpcConnectionArn) return adopt(ctx, progress, before);
  try {
    const out = await progress.log.run(kafka.send(new CreateVpcConnectionCommand({ ...input, Tags: kafkaTags(ctx) })));
    const arn = out.VpcConnectionArn;
    if (!arn) throw new Error("CreateVpcConnection returned no ARN");
    progress.outputs[OUTPUT] = arn;
    addCreated(progress, resource(ctx, TYPE, arn));
    await progress.save();
    return out.State === "AVAILABLE" ? done(progress) : waiting(progress, `VPC connection ${arn} is ${out.State ?? "CREATING"}`);
  } catch (error) {
    // One connection per VPC, cluster and scheme. MSK refuses a second with BadRequestException (its model
    // declares no ConflictException here; both are taken): the existing one is this step's only if it
    // carries its tags, and with none found the refusal was about something else.
    if (!hasCode(error, "BadRequestException", "ConflictException")) throw error;
    const existing = await findExisting(kafka, progress.log, input, ctx.access.pageSize);
    if (!existing?.VpcConnectionArn) throw error;
    return adopt(ctx, progress, existing);
  }
}

/** An existing connection from this VPC with this scheme: this step's only if it carries its tags. */
async function adopt(ctx: StepContext, progress: Progress, existing: DescribeVpcConnectionResponse) {
  const arn = existing.VpcConnectionArn ?? "";
  progress.outputs[OUTPUT] = arn;
  if (kafkaCarriesOurTags(ctx, existing.Tags)) addCreated(progress, resource(ctx, TYPE, arn));
  await progress.save();
  return settle(progress, existing);
}

export const createVpcConnection: StepExecutor = {
  execute,

  async verify(ctx, record) {
    const arn = record.outputs[OUTPUT];
    if (!arn) return { ok: false, problem: "No VPC connection was recorded" };
    const c = await describe(ctx.access.kafka(ctx.step.account, ctx.step.region), callLog(), arn);
    return c?.State === "AVAILABLE" ? { ok: true } : { ok: false, problem: `VPC connection ${arn} is ${c?.State ?? "gone"}` };
  },

  async undo(ctx, record) {
    const log = callLog();
    const kafka = ctx.access.kafka(ctx.step.account, ctx.step.region);
    for (const item of createdOfType(record, TYPE)) {
      const c = await describe(kafka, log, item.id);
      if (!c || c.State === "DELETING") continue;
      try {
        await log.run(kafka.send(new DeleteVpcConnectionCommand({ Arn: item.id })));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return { requestIds: log.ids };
  },
};
