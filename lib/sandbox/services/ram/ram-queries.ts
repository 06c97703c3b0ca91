import { z } from "zod";
import { awsError } from "../../core/aws-error";
import { paginate } from "../../core/pagination";
import { parseJsonBody } from "../../protocols/json-input";
import type { ResourceShare } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { associationJson, associationRows, epoch, invitationJson, shareJson } from "./ram-render";

const owner = z.enum(["SELF", "OTHER-ACCOUNTS"]);
const page = { nextToken: z.string().optional(), maxResults: z.number().int().positive().optional() };

/** Shares the caller receives: it is an associated principal (accepted, or same Organization). */
function receivedBy(s: ResourceShare, accountId: string): boolean {
  return s.principals.some((p) => p.accountId === accountId && p.status === "ASSOCIATED");
}

function sharesFor(ctx: RequestContext, resourceOwner: "SELF" | "OTHER-ACCOUNTS"): ResourceShare[] {
  return Object.values(ctx.world.state.resourceShares)
    .filter((s) => s.region === ctx.region)
    .filter((s) => (resourceOwner === "SELF" ? s.ownerAccountId === ctx.accountId : receivedBy(s, ctx.accountId)));
}

const getSharesInput = z.object({
  resourceOwner: owner,
  resourceShareArns: z.array(z.string()).optional(),
  resourceShareStatus: z.string().optional(),
  name: z.string().optional(),
  ...page,
});

export function getResourceShares(ctx: RequestContext, body: string) {
  const input = parseJsonBody(getSharesInput, body, "InvalidParameterException");
  const shares = sharesFor(ctx, input.resourceOwner)
    .filter((s) => !input.resourceShareArns || input.resourceShareArns.includes(s.arn))
    .filter((s) => !input.resourceShareStatus || s.status === input.resourceShareStatus)
    .filter((s) => !input.name || s.name === input.name);
  const { page: out, nextToken } = paginate(shares, input.maxResults, input.nextToken, "InvalidNextTokenException");
  return { resourceShares: out.map(shareJson), nextToken };
}

const getAssociationsInput = z.object({
  associationType: z.enum(["PRINCIPAL", "RESOURCE"]),
  resourceShareArns: z.array(z.string()).optional(),
  resourceArn: z.string().optional(),
  principal: z.string().optional(),
  associationStatus: z.string().optional(),
  ...page,
});

export function getResourceShareAssociations(ctx: RequestContext, body: string) {
  const input = parseJsonBody(getAssociationsInput, body, "InvalidParameterException");
  const rows = Object.values(ctx.world.state.resourceShares)
    .filter((s) => s.region === ctx.region)
    .flatMap(associationRows)
    .filter((a) => a.type === input.associationType)
    .filter((a) => a.share.ownerAccountId === ctx.accountId || (a.type === "PRINCIPAL" && a.entity === ctx.accountId))
    .filter((a) => !input.resourceShareArns || input.resourceShareArns.includes(a.share.arn))
    .filter((a) => !input.resourceArn || a.entity === input.resourceArn)
    .filter((a) => !input.principal || a.entity === input.principal)
    .filter((a) => !input.associationStatus || a.status === input.associationStatus);
  const { page: out, nextToken } = paginate(rows, input.maxResults, input.nextToken, "InvalidNextTokenException");
  return { resourceShareAssociations: out.map(associationJson), nextToken };
}

const getInvitationsInput = z.object({
  resourceShareInvitationArns: z.array(z.string()).optional(),
  resourceShareArns: z.array(z.string()).optional(),
  ...page,
});

export function getResourceShareInvitations(ctx: RequestContext, body: string) {
  const input = parseJsonBody(getInvitationsInput, body, "InvalidParameterException");
  const state = ctx.world.state;
  const invitations = Object.values(state.invitations)
    .filter((i) => i.region === ctx.region && i.receiverAccountId === ctx.accountId)
    .filter((i) => !input.resourceShareInvitationArns || input.resourceShareInvitationArns.includes(i.arn))
    .filter((i) => !input.resourceShareArns || input.resourceShareArns.includes(i.shareArn));
  const { page: out, nextToken } = paginate(invitations, input.maxResults, input.nextToken, "InvalidNextTokenException");
  return { resourceShareInvitations: out.map((i) => invitationJson(i, state.resourceShares[i.shareArn])), nextToken };
}

const acceptInput = z.object({ resourceShareInvitationArn: z.string().min(1), clientToken: z.string().optional() });

export function acceptResourceShareInvitation(ctx: RequestContext, body: string) {
  const input = parseJsonBody(acceptInput, body, "InvalidParameterException");
  const state = ctx.world.state;
  const inv = state.invitations[input.resourceShareInvitationArn];
  if (!inv || inv.receiverAccountId !== ctx.accountId || inv.region !== ctx.region) {
    throw awsError("ResourceShareInvitationArnNotFoundException", `The invitation ${input.resourceShareInvitationArn} does not exist.`);
  }
  if (inv.status === "ACCEPTED") {
    throw awsError("ResourceShareInvitationAlreadyAcceptedException", `The invitation ${inv.arn} is already accepted.`);
  }
  if (inv.status === "REJECTED") {
    throw awsError("ResourceShareInvitationAlreadyRejectedException", `The invitation ${inv.arn} is already rejected.`);
  }
  inv.status = "ACCEPTED";
  const share = state.resourceShares[inv.shareArn];
  for (const p of share?.principals ?? []) {
    if (p.accountId === ctx.accountId && p.status === "ASSOCIATING") Object.assign(p, { status: "ASSOCIATED", updatedAt: ctx.now });
  }
  return { resourceShareInvitation: invitationJson(inv, share), clientToken: input.clientToken };
}

const listResourcesInput = z.object({
  resourceOwner: owner,
  principal: z.string().optional(),
  resourceType: z.string().optional(),
  resourceArns: z.array(z.string()).optional(),
  resourceShareArns: z.array(z.string()).optional(),
  ...page,
});

function resourceType(arn: string): string {
  return arn.includes(":transit-gateway/") ? "ec2:TransitGateway" : "unknown";
}

export function listResources(ctx: RequestContext, body: string) {
  const input = parseJsonBody(listResourcesInput, body, "InvalidParameterException");
  const rows = sharesFor(ctx, input.resourceOwner)
    .filter((s) => s.status === "ACTIVE")
    .filter((s) => !input.resourceShareArns || input.resourceShareArns.includes(s.arn))
    .filter((s) => !input.principal || s.principals.some((p) => p.accountId === input.principal && p.status !== "DISASSOCIATED"))
    .flatMap((s) => s.resources.filter((r) => r.status === "ASSOCIATED").map((r) => ({ share: s, r })))
    .filter(({ r }) => !input.resourceArns || input.resourceArns.includes(r.arn))
    .filter(({ r }) => !input.resourceType || resourceType(r.arn).toLowerCase() === input.resourceType.toLowerCase());
  const { page: out, nextToken } = paginate(rows, input.maxResults, input.nextToken, "InvalidNextTokenException");
  return {
    resources: out.map(({ share, r }) => ({
      arn: r.arn,
      type: resourceType(r.arn),
      resourceShareArn: share.arn,
      status: "AVAILABLE",
      creationTime: epoch(r.createdAt),
      lastUpdatedTime: epoch(r.updatedAt),
      resourceRegionScope: "REGIONAL",
    })),
    nextToken,
  };
}
