import { ModifyVpcPeeringConnectionOptionsCommand } from "@aws-sdk/client-ec2";
import { z } from "zod";
import type { StepContext, StepExecutor } from "./step-executor";
import { callLog } from "./support/call-log";
import { StepConflictError } from "./support/errors";
import { DEAD_PEERING, describePeering, peeringStatus, remoteDnsAllowed } from "./support/peerings";
import { addCreated, underClaim, createdOfType, done, hasCreated, isClaimed, resource, startProgress, waiting, markReused } from "./support/progress";
import { parseInput } from "./support/step-input";

const TYPE = "vpc-peering-dns-option";
const option = z.object({ AllowDnsResolutionFromRemoteVpc: z.boolean() });
const inputSchema = z.object({
  VpcPeeringConnectionId: z.string(),
  RequesterPeeringConnectionOptions: option.optional(),
  AccepterPeeringConnectionOptions: option.optional(),
});
type Side = "requester" | "accepter";

function sideOf(ctx: StepContext): { id: string; side: Side } {
  const input = parseInput(ctx.step, inputSchema);
  const side: Side = input.RequesterPeeringConnectionOptions ? "requester" : "accepter";
  return { id: input.VpcPeeringConnectionId, side };
}

function modify(id: string, side: Side, value: boolean) {
  const options = { AllowDnsResolutionFromRemoteVpc: value };
  return new ModifyVpcPeeringConnectionOptionsCommand({
    VpcPeeringConnectionId: id,
    ...(side === "requester" ? { RequesterPeeringConnectionOptions: options } : { AccepterPeeringConnectionOptions: options }),
  });
}

/** A peering option is not a resource: it counts as created only when this step switched it on. */
async function execute(ctx: StepContext) {
  const { id, side } = sideOf(ctx);
  const progress = startProgress(ctx);
  const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
  const optionId = `${id}:${side}`;
  const claimedBefore = isClaimed(progress, optionId);

  const p = await describePeering(ec2, progress.log, id);
  const status = peeringStatus(p);
  if (!p || DEAD_PEERING.includes(status)) throw new StepConflictError("VpcPeeringGone", `Peering ${id} is ${p ? status : "gone"}`);
  // Options can be changed only on an active peering.
  if (status !== "active") return waiting(progress, `peering ${id} is ${status}`);
  if (remoteDnsAllowed(p, side)) {
    if (claimedBefore) addCreated(progress, resource(ctx, TYPE, optionId));
    else if (!hasCreated(progress.created, TYPE, optionId)) markReused(progress, optionId);
    return done(progress);
  }
  await underClaim(progress, optionId, () => progress.log.run(ec2.send(modify(id, side, true))));
  addCreated(progress, resource(ctx, TYPE, optionId));
  await progress.save();
  return done(progress);
}

export const enablePeeringDns: StepExecutor = {
  execute,

  async verify(ctx) {
    const { id, side } = sideOf(ctx);
    const p = await describePeering(ctx.access.ec2(ctx.step.account, ctx.step.region), callLog(), id);
    if (!p || peeringStatus(p) !== "active") return { ok: false, problem: `Peering ${id} is ${p ? peeringStatus(p) : "gone"}` };
    return remoteDnsAllowed(p, side)
      ? { ok: true }
      : { ok: false, problem: `DNS resolution from the remote VPC is off on the ${side} side of ${id}` };
  },

  async undo(ctx, record) {
    const { id, side } = sideOf(ctx);
    const log = callLog();
    if (!hasCreated(createdOfType(record, TYPE), TYPE, `${id}:${side}`)) return { requestIds: [] };
    const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
    const p = await describePeering(ec2, log, id);
    // A peering that is no longer active has no options left to reset.
    if (p && peeringStatus(p) === "active" && remoteDnsAllowed(p, side)) await log.run(ec2.send(modify(id, side, false)));
    return { requestIds: log.ids };
  },
};
