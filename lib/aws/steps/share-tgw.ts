import { randomUUID } from "node:crypto";
import {
  AssociateResourceShareCommand,
  CreateResourceShareCommand,
  DeleteResourceShareCommand,
  DisassociateResourceShareCommand,
} from "@aws-sdk/client-ram";
import { z } from "zod";
import type { ExecuteResult, StepContext, StepExecutor } from "./step-executor";
import { callLog } from "./support/call-log";
import { isNotFound } from "./support/errors";
import { addCreated, underClaim, createdOfType, done, hasCreated, isClaimed, resource, startProgress, waiting, type Progress, markReused } from "./support/progress";
import { invitationFor, liveAssociation, ownShare, shareAssociations, shareGiving, taggedShares } from "./support/ram";
import { parseInput } from "./support/step-input";
import { ramTags } from "./support/tags";

const SHARE = "ram-resource-share";
const ASSOCIATION = "ram-principal-association";

const createSchema = z.object({
  name: z.string(),
  resourceArns: z.array(z.string()).min(1),
  principals: z.array(z.string()).min(1),
  allowExternalPrincipals: z.boolean().optional(),
});
const associateSchema = z.object({ resourceShareArn: z.string(), principals: z.array(z.string()).min(1) });

const isCreate = (ctx: StepContext) => ctx.step.command === "CreateResourceShareCommand";

/**
 * Outside an Organization with sharing on, the principal gets an invitation it must accept; its ARN is an
 * output for accept-share-invitation, read in the receiving account once RAM has sent it.
 */
async function withInvitation(ctx: StepContext, progress: Progress, shareArn: string, principal: string): Promise<ExecuteResult> {
  const ram = ctx.access.ram(ctx.step.account, ctx.step.region);
  const association = liveAssociation(await shareAssociations(ram, progress.log, shareArn, "PRINCIPAL", ctx.access.pageSize), principal);
  if (!association) return waiting(progress, `${principal} is not associated with ${shareArn} yet`);
  if (association.status === "ASSOCIATED" && !association.external) return done(progress);
  const invitation = await invitationFor(ctx.access.ram(principal, ctx.step.region), progress.log, shareArn, principal);
  if (invitation?.resourceShareInvitationArn) {
    progress.outputs.resourceShareInvitationArn = invitation.resourceShareInvitationArn;
    return done(progress);
  }
  if (association.status === "ASSOCIATED") return done(progress);
  return waiting(progress, `RAM has not sent ${principal} the invitation to ${shareArn} yet`);
}

async function executeCreate(ctx: StepContext): Promise<ExecuteResult> {
  const input = parseInput(ctx.step, createSchema);
  const progress = startProgress(ctx);
  const ram = ctx.access.ram(ctx.step.account, ctx.step.region);
  const principal = input.principals[0] ?? "";
  const tgwArn = input.resourceArns[0] ?? "";

  const recorded = progress.outputs.resourceShareArn;
  let arn = recorded && hasCreated(progress.created, SHARE, recorded) && (await ownShare(ram, progress.log, recorded)) ? recorded : null;
  arn ??= (await taggedShares(ctx, ram, progress.log, ctx.access.pageSize))[0]?.resourceShareArn ?? null;
  if (arn) {
    progress.outputs.resourceShareArn = arn;
    addCreated(progress, resource(ctx, SHARE, arn));
    return withInvitation(ctx, progress, arn, principal);
  }
  // Another request (or a person) already shares the TGW with the account: use that share, never undo it.
  const existing = await shareGiving(ram, progress.log, principal, tgwArn);
  if (existing) {
    progress.outputs.resourceShareArn = existing;
    return withInvitation(ctx, progress, existing, principal);
  }
  const out = await progress.log.run(
    ram.send(
      // The token makes the SDK's own retries of this call idempotent; across attempts the tags find the share.
      new CreateResourceShareCommand({ ...input, tags: ramTags(ctx), clientToken: randomUUID() }),
    ),
  );
  const made = out.resourceShare?.resourceShareArn;
  if (!made) throw new Error("CreateResourceShare returned no share ARN");
  progress.outputs.resourceShareArn = made;
  addCreated(progress, resource(ctx, SHARE, made));
  await progress.save();
  return withInvitation(ctx, progress, made, principal);
}

/** An association cannot be tagged: it is this step's when it was recorded or claimed before the call. */
async function executeAssociate(ctx: StepContext): Promise<ExecuteResult> {
  const input = parseInput(ctx.step, associateSchema);
  const progress = startProgress(ctx);
  const ram = ctx.access.ram(ctx.step.account, ctx.step.region);
  const principal = input.principals[0] ?? "";
  const id = `${input.resourceShareArn}|${principal}`;
  const ours = hasCreated(progress.created, ASSOCIATION, id) || isClaimed(progress, id);
  progress.outputs.resourceShareArn = input.resourceShareArn;

  const associations = await shareAssociations(ram, progress.log, input.resourceShareArn, "PRINCIPAL", ctx.access.pageSize);
  if (liveAssociation(associations, principal)) {
    if (ours) addCreated(progress, resource(ctx, ASSOCIATION, id));
    else markReused(progress, id);
    return withInvitation(ctx, progress, input.resourceShareArn, principal);
  }
  await underClaim(progress, id, () => progress.log.run(ram.send(new AssociateResourceShareCommand({ ...input, clientToken: randomUUID() }))));
  addCreated(progress, resource(ctx, ASSOCIATION, id));
  await progress.save();
  return withInvitation(ctx, progress, input.resourceShareArn, principal);
}

export const shareTgw: StepExecutor = {
  execute: (ctx) => (isCreate(ctx) ? executeCreate(ctx) : executeAssociate(ctx)),

  async verify(ctx, record) {
    const ram = ctx.access.ram(ctx.step.account, ctx.step.region);
    const log = callLog();
    const arn = record.outputs.resourceShareArn;
    if (!arn) return { ok: false, problem: "No resource share was recorded" };
    if (!(await ownShare(ram, log, arn))) return { ok: false, problem: `Resource share ${arn} is gone` };
    const principal = (isCreate(ctx) ? parseInput(ctx.step, createSchema) : parseInput(ctx.step, associateSchema)).principals[0] ?? "";
    const principals = await shareAssociations(ram, log, arn, "PRINCIPAL", ctx.access.pageSize);
    if (!liveAssociation(principals, principal)) return { ok: false, problem: `${arn} no longer shares with ${principal}` };
    if (isCreate(ctx)) {
      const tgwArn = parseInput(ctx.step, createSchema).resourceArns[0] ?? "";
      const resources = await shareAssociations(ram, log, arn, "RESOURCE", ctx.access.pageSize);
      if (!liveAssociation(resources, tgwArn)) return { ok: false, problem: `${arn} no longer holds ${tgwArn}` };
    }
    return { ok: true };
  },

  async undo(ctx, record) {
    const ram = ctx.access.ram(ctx.step.account, ctx.step.region);
    const log = callLog();
    try {
      for (const share of createdOfType(record, SHARE)) {
        if (await ownShare(ram, log, share.id)) {
          await log.run(ram.send(new DeleteResourceShareCommand({ resourceShareArn: share.id, clientToken: randomUUID() })));
        }
      }
      for (const association of createdOfType(record, ASSOCIATION)) {
        const at = association.id.lastIndexOf("|");
        const arn = association.id.slice(0, at);
        const principal = association.id.slice(at + 1);
        if (!(await ownShare(ram, log, arn))) continue;
        const live = liveAssociation(await shareAssociations(ram, log, arn, "PRINCIPAL", ctx.access.pageSize), principal);
        if (live) {
          await log.run(
            ram.send(new DisassociateResourceShareCommand({ resourceShareArn: arn, principals: [principal], clientToken: randomUUID() })),
          );
        }
      }
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    return { requestIds: log.ids };
  },
};
