import { AcceptVpcPeeringConnectionCommand } from "@aws-sdk/client-ec2";
import { z } from "zod";
import type { StepContext, StepExecutor } from "./step-executor";
import { callLog } from "./support/call-log";
import { hasCode, StepConflictError } from "./support/errors";
import { DEAD_PEERING, describePeering, peeringStatus } from "./support/peerings";
import { done, startProgress, waiting } from "./support/progress";
import { parseInput } from "./support/step-input";

const inputSchema = z.object({ VpcPeeringConnectionId: z.string() });

/**
 * Runs as the accepter's account in the accepter's Region. Done only at `active`: routes and security group
 * references to the peering fail before that.
 */
async function execute(ctx: StepContext) {
  const { VpcPeeringConnectionId: id } = parseInput(ctx.step, inputSchema);
  const progress = startProgress(ctx);
  const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
  progress.outputs.VpcPeeringConnectionId = id;

  const p = await describePeering(ec2, progress.log, id);
  // An inter-Region request reaches the accepter's Region a moment after it is made.
  if (!p) return waiting(progress, `peering ${id} is not visible in ${ctx.step.account}/${ctx.step.region} yet`);
  const status = peeringStatus(p);
  if (status === "active") return done(progress);
  if (status === "initiating-request" || status === "provisioning") return waiting(progress, `peering ${id} is ${status}`);
  if (DEAD_PEERING.includes(status)) {
    throw new StepConflictError("VpcPeeringGone", `Peering ${id} is ${status}: ${p.Status?.Message ?? "no reason given"}`);
  }
  try {
    await progress.log.run(ec2.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })));
  } catch (error) {
    // Accepted meanwhile (a retried call that got through, or another request): the next check tells.
    if (!hasCode(error, "InvalidStateTransition")) throw error;
  }
  await progress.save();
  return waiting(progress, `peering ${id} accepted, provisioning`);
}

export const acceptPeering: StepExecutor = {
  execute,

  async verify(ctx) {
    const { VpcPeeringConnectionId: id } = parseInput(ctx.step, inputSchema);
    const p = await describePeering(ctx.access.ec2(ctx.step.account, ctx.step.region), callLog(), id);
    const status = peeringStatus(p);
    return status === "active" ? { ok: true } : { ok: false, problem: `Peering ${id} is ${p ? status : "gone"}, not active` };
  },

  // Accepting creates nothing; deleting the peering (create-peering's undo) ends it for both sides.
  undo: () => Promise.resolve({ requestIds: [] }),
};
