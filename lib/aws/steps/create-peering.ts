import { CreateVpcPeeringConnectionCommand, DeleteVpcPeeringConnectionCommand, type VpcPeeringConnection } from "@aws-sdk/client-ec2";
import { z } from "zod";
import type { StepContext, StepExecutor } from "./step-executor";
import { hasCode, isNotFound, StepConflictError } from "./support/errors";
import { DEAD_PEERING, describePeering, listPeerings, livePeeringsBetween, peeringJoins, peeringStatus, type PeeringEnd } from "./support/peerings";
import { addCreated, createdOfType, done, markReused, resource, startProgress, waiting, type Progress } from "./support/progress";
import { parseInput } from "./support/step-input";
import { carriesOurTags, ec2TagFilters, ec2TagSpecifications } from "./support/tags";
import { callLog } from "./support/call-log";

const TYPE = "vpc-peering-connection";
const OUTPUT = "VpcPeeringConnectionId";

const inputSchema = z.object({
  VpcId: z.string(),
  PeerVpcId: z.string(),
  PeerOwnerId: z.string().optional(),
  PeerRegion: z.string().optional(),
});
type Input = z.infer<typeof inputSchema>;

/** The step's two ends: the requester in the step's account, the accepter in PeerOwnerId (default: the same). */
function ends(ctx: StepContext, input: Input): [PeeringEnd, PeeringEnd] {
  return [
    { vpcId: input.VpcId, ownerId: ctx.step.account },
    { vpcId: input.PeerVpcId, ownerId: input.PeerOwnerId ?? ctx.step.account },
  ];
}

function joins(ctx: StepContext, p: VpcPeeringConnection, input: Input): boolean {
  return peeringJoins(p, ...ends(ctx, input));
}

/** This step's own peering: the one it recorded, else one carrying its tags (a crash lost the record). */
async function findOwn(ctx: StepContext, progress: Progress, input: Input): Promise<VpcPeeringConnection | null> {
  const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
  const recorded = progress.outputs[OUTPUT];
  if (recorded && createdOfType(progress.snapshot(), TYPE).some((c) => c.id === recorded)) {
    const p = await describePeering(ec2, progress.log, recorded);
    if (p && joins(ctx, p, input) && peeringStatus(p) !== "deleted") return p;
  }
  const tagged = await listPeerings(ec2, progress.log, ec2TagFilters(ctx), ctx.access.pageSize);
  // A failed one is kept: its failure is the answer, and a new request would fail the same way.
  return tagged.find((p) => joins(ctx, p, input) && !["deleted", "deleting", "rejected", "expired"].includes(peeringStatus(p))) ?? null;
}

function settle(progress: Progress, p: VpcPeeringConnection) {
  const status = peeringStatus(p);
  const id = p.VpcPeeringConnectionId ?? "";
  if (status === "failed") {
    throw new StepConflictError(
      "VpcPeeringFailed",
      `Peering ${id} failed: ${p.Status?.Message ?? "no reason given"}. Overlapping CIDRs are the usual cause; multi-VPC private connectivity tolerates them`,
    );
  }
  if (DEAD_PEERING.includes(status)) {
    throw new StepConflictError("VpcPeeringGone", `Peering ${id} is ${status}; it cannot be used any more`);
  }
  if (status === "initiating-request") return waiting(progress, `peering ${id} is initiating-request`);
  return done(progress);
}

async function execute(ctx: StepContext) {
  const input = parseInput(ctx.step, inputSchema);
  const progress = startProgress(ctx);
  const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);

  const own = await findOwn(ctx, progress, input);
  if (own?.VpcPeeringConnectionId) {
    progress.outputs[OUTPUT] = own.VpcPeeringConnectionId;
    addCreated(progress, resource(ctx, TYPE, own.VpcPeeringConnectionId));
    return settle(progress, own);
  }
  // AWS allows one live peering between two VPCs; one made by someone else is used, never undone.
  const [other] = await livePeeringsBetween(ec2, progress.log, ...ends(ctx, input), ctx.access.pageSize);
  if (other?.VpcPeeringConnectionId) {
    progress.outputs[OUTPUT] = other.VpcPeeringConnectionId;
    // Relied on: the request that made it keeps it while this one is live.
    markReused(progress, other.VpcPeeringConnectionId);
    return settle(progress, other);
  }
  let made: VpcPeeringConnection | undefined;
  try {
    const out = await progress.log.run(
      ec2.send(new CreateVpcPeeringConnectionCommand({ ...input, TagSpecifications: ec2TagSpecifications(ctx, "vpc-peering-connection") })),
    );
    made = out.VpcPeeringConnection;
  } catch (error) {
    if (!hasCode(error, "VpcPeeringConnectionAlreadyExists")) throw error;
    // A retried call whose first try AWS carried out, or a request racing this one: look again.
    const again = await findOwn(ctx, progress, input);
    const between = again ? [again] : await livePeeringsBetween(ec2, progress.log, ...ends(ctx, input), ctx.access.pageSize);
    const found = between[0];
    if (!found?.VpcPeeringConnectionId) throw error;
    progress.outputs[OUTPUT] = found.VpcPeeringConnectionId;
    if (carriesOurTags(ctx, found.Tags)) addCreated(progress, resource(ctx, TYPE, found.VpcPeeringConnectionId));
    else markReused(progress, found.VpcPeeringConnectionId);
    await progress.save();
    return settle(progress, found);
  }
  const id = made?.VpcPeeringConnectionId;
  if (!id) throw new Error("CreateVpcPeeringConnection returned no peering id");
  progress.outputs[OUTPUT] = id;
  addCreated(progress, resource(ctx, TYPE, id));
  await progress.save();
  return settle(progress, made ?? {});
}

export const createPeering: StepExecutor = {
  execute,

  async verify(ctx, record) {
    const input = parseInput(ctx.step, inputSchema);
    const id = record.outputs[OUTPUT];
    if (!id) return { ok: false, problem: "No peering id was recorded" };
    const p = await describePeering(ctx.access.ec2(ctx.step.account, ctx.step.region), callLog(), id);
    const status = peeringStatus(p);
    if (!p || !["pending-acceptance", "provisioning", "active"].includes(status)) {
      return { ok: false, problem: `Peering ${id} is ${p ? status : "gone"}` };
    }
    if (!joins(ctx, p, input)) return { ok: false, problem: `Peering ${id} no longer joins ${input.VpcId} and ${input.PeerVpcId}` };
    return { ok: true };
  },

  async undo(ctx, record) {
    const log = callLog();
    const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
    for (const item of createdOfType(record, TYPE)) {
      const p = await describePeering(ec2, log, item.id);
      if (!p || DEAD_PEERING.includes(peeringStatus(p))) continue;
      try {
        await log.run(ec2.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: item.id })));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return { requestIds: log.ids };
  },
};
