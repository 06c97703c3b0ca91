import { randomUUID } from "node:crypto";
import { AcceptResourceShareInvitationCommand, GetResourceShareInvitationsCommand, GetResourceSharesCommand, type RAMClient } from "@aws-sdk/client-ram";
import { z } from "zod";
import type { StepContext, StepExecutor } from "./step-executor";
import { callLog, type CallLog } from "./support/call-log";
import { hasCode, isNotFound, StepConflictError } from "./support/errors";
import { done, startProgress, waiting } from "./support/progress";
import { parseInput } from "./support/step-input";

const inputSchema = z.object({ resourceShareInvitationArn: z.string() });

async function readInvitation(ram: RAMClient, log: CallLog, arn: string) {
  const out = await log.run(ram.send(new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: [arn] })));
  return out.resourceShareInvitations?.find((i) => i.resourceShareInvitationArn === arn) ?? null;
}

/** The share counts as received once RAM lists it among the account's shares from others. */
async function received(ram: RAMClient, log: CallLog, shareArn: string): Promise<boolean> {
  try {
    const out = await log.run(ram.send(new GetResourceSharesCommand({ resourceOwner: "OTHER-ACCOUNTS", resourceShareArns: [shareArn] })));
    return (out.resourceShares ?? []).some((s) => s.resourceShareArn === shareArn && s.status === "ACTIVE");
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** Runs in the receiving account. Done when the share is visible there, so the attachment that follows can see the TGW. */
async function execute(ctx: StepContext) {
  const { resourceShareInvitationArn: arn } = parseInput(ctx.step, inputSchema);
  const progress = startProgress(ctx);
  const ram = ctx.access.ram(ctx.step.account, ctx.step.region);

  const invitation = await readInvitation(ram, progress.log, arn);
  if (!invitation) throw new StepConflictError("ResourceShareInvitationNotFound", `Account ${ctx.step.account} has no invitation ${arn}`);
  const shareArn = invitation.resourceShareArn ?? "";
  progress.outputs.resourceShareArn = shareArn;
  if (invitation.status === "PENDING") {
    try {
      await progress.log.run(ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: arn, clientToken: randomUUID() })));
    } catch (error) {
      if (!hasCode(error, "ResourceShareInvitationAlreadyAcceptedException")) throw error;
    }
    await progress.save();
  } else if (invitation.status !== "ACCEPTED") {
    throw new StepConflictError("ResourceShareInvitationClosed", `Invitation ${arn} is ${invitation.status ?? "unknown"}; the share must be offered again`);
  }
  return (await received(ram, progress.log, shareArn)) ? done(progress) : waiting(progress, `share ${shareArn} is still being associated`);
}

export const acceptShareInvitation: StepExecutor = {
  execute,

  async verify(ctx, record) {
    const { resourceShareInvitationArn: arn } = parseInput(ctx.step, inputSchema);
    const shareArn = record.outputs.resourceShareArn;
    if (!shareArn) return { ok: false, problem: `Invitation ${arn} was not recorded as accepted` };
    const ok = await received(ctx.access.ram(ctx.step.account, ctx.step.region), callLog(), shareArn);
    return ok ? { ok: true } : { ok: false, problem: `Account ${ctx.step.account} no longer receives share ${shareArn}` };
  },

  // Accepting creates nothing; deleting or leaving the share (share-tgw's undo) ends it.
  undo: () => Promise.resolve({ requestIds: [] }),
};
