import { z } from "zod";
import { awsError } from "../../core/aws-error";
import { newUuid } from "../../core/ids";
import { parseJsonBody } from "../../protocols/json-input";
import type { ResourceShare } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { associationJson, associationRows, shareJson } from "./ram-render";

const tagsInput = z.array(z.object({ key: z.string(), value: z.string().default("") })).optional();

const createInput = z.object({
  name: z.string().min(1),
  resourceArns: z.array(z.string()).optional(),
  principals: z.array(z.string()).optional(),
  tags: tagsInput,
  allowExternalPrincipals: z.boolean().optional(),
  clientToken: z.string().optional(),
});

/** Only resources the caller owns in this region can be shared; the sandbox models TGWs. */
function checkResource(ctx: RequestContext, arn: string): void {
  const m = /^arn:aws:ec2:([a-z0-9-]+):(\d{12}):transit-gateway\/(tgw-[0-9a-f]+)$/.exec(arn);
  if (!/^arn:aws:[a-z0-9-]+:/.test(arn)) throw awsError("MalformedArnException", `The ARN ${arn} is malformed.`);
  const tgw = m?.[3] ? ctx.world.state.transitGateways[m[3]] : undefined;
  if (!tgw || tgw.accountId !== ctx.accountId || tgw.region !== ctx.region) {
    throw awsError("UnknownResourceException", `The resource ${arn} does not exist or is not owned by ${ctx.accountId}.`);
  }
}

function sameSharingOrg(ctx: RequestContext, a: string, b: string): boolean {
  const { accounts, organizations } = ctx.world.topology;
  const orgA = accounts.find((x) => x.id === a)?.organizationId;
  const orgB = accounts.find((x) => x.id === b)?.organizationId;
  return orgA !== undefined && orgA === orgB && organizations.some((o) => o.id === orgA && o.ramSharingEnabled);
}

/**
 * Inside an Organization with RAM sharing enabled a principal is associated at once; anyone else
 * gets an invitation to accept (RAM user guide, "Sharing your AWS resources").
 */
function addPrincipal(ctx: RequestContext, share: ResourceShare, accountId: string): void {
  if (!/^\d{12}$/.test(accountId)) throw awsError("InvalidParameterException", `Principal ${accountId} is not an account id.`);
  if (accountId === ctx.accountId) throw awsError("InvalidParameterException", "You cannot share a resource with yourself.");
  if (share.principals.some((p) => p.accountId === accountId && p.status !== "DISASSOCIATED")) return;
  const internal = sameSharingOrg(ctx, ctx.accountId, accountId);
  if (!internal && !share.allowExternalPrincipals) {
    throw awsError("OperationNotPermittedException", `Principal ${accountId} is outside your organization and external principals are not allowed.`);
  }
  share.principals = share.principals.filter((p) => p.accountId !== accountId);
  share.principals.push({
    accountId,
    status: internal ? "ASSOCIATED" : "ASSOCIATING",
    external: !internal,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  if (!internal) {
    const arn = `arn:aws:ram:${ctx.region}:${ctx.accountId}:resource-share-invitation/${newUuid(ctx.world.state.counter)}`;
    ctx.world.state.invitations[arn] = {
      arn,
      shareArn: share.arn,
      senderAccountId: ctx.accountId,
      receiverAccountId: accountId,
      region: ctx.region,
      status: "PENDING",
      createdAt: ctx.now,
    };
  }
}

function addResource(ctx: RequestContext, share: ResourceShare, arn: string): void {
  checkResource(ctx, arn);
  share.resources = share.resources.filter((r) => r.arn !== arn);
  share.resources.push({ arn, status: "ASSOCIATED", createdAt: ctx.now, updatedAt: ctx.now });
}

export function createResourceShare(ctx: RequestContext, body: string) {
  const input = parseJsonBody(createInput, body, "InvalidParameterException");
  const share: ResourceShare = {
    arn: `arn:aws:ram:${ctx.region}:${ctx.accountId}:resource-share/${newUuid(ctx.world.state.counter)}`,
    name: input.name,
    ownerAccountId: ctx.accountId,
    region: ctx.region,
    allowExternalPrincipals: input.allowExternalPrincipals ?? true,
    status: "ACTIVE",
    createdAt: ctx.now,
    updatedAt: ctx.now,
    tags: input.tags ?? [],
    resources: [],
    principals: [],
  };
  for (const arn of input.resourceArns ?? []) addResource(ctx, share, arn);
  for (const p of input.principals ?? []) addPrincipal(ctx, share, p);
  ctx.world.state.resourceShares[share.arn] = share;
  return { resourceShare: shareJson(share), clientToken: input.clientToken };
}

const changeInput = z.object({
  resourceShareArn: z.string().min(1),
  resourceArns: z.array(z.string()).optional(),
  principals: z.array(z.string()).optional(),
  clientToken: z.string().optional(),
});

export function ownShare(ctx: RequestContext, arn: string): ResourceShare {
  const share = ctx.world.state.resourceShares[arn];
  if (!share || share.ownerAccountId !== ctx.accountId || share.region !== ctx.region) {
    throw awsError("UnknownResourceException", `The resource share ${arn} does not exist.`);
  }
  return share;
}

export function associateResourceShare(ctx: RequestContext, body: string) {
  const input = parseJsonBody(changeInput, body, "InvalidParameterException");
  const share = ownShare(ctx, input.resourceShareArn);
  for (const arn of input.resourceArns ?? []) addResource(ctx, share, arn);
  for (const p of input.principals ?? []) addPrincipal(ctx, share, p);
  share.updatedAt = ctx.now;
  const touched = new Set([...(input.resourceArns ?? []), ...(input.principals ?? [])]);
  return {
    resourceShareAssociations: associationRows(share).filter((a) => touched.has(a.entity)).map(associationJson),
    clientToken: input.clientToken,
  };
}

export function disassociateResourceShare(ctx: RequestContext, body: string) {
  const input = parseJsonBody(changeInput, body, "InvalidParameterException");
  const share = ownShare(ctx, input.resourceShareArn);
  const touched = new Set([...(input.resourceArns ?? []), ...(input.principals ?? [])]);
  for (const p of share.principals) {
    if (touched.has(p.accountId)) Object.assign(p, { status: "DISASSOCIATED", updatedAt: ctx.now });
  }
  for (const r of share.resources) {
    if (touched.has(r.arn)) Object.assign(r, { status: "DISASSOCIATED", updatedAt: ctx.now });
  }
  share.updatedAt = ctx.now;
  return {
    resourceShareAssociations: associationRows(share).filter((a) => touched.has(a.entity)).map(associationJson),
    clientToken: input.clientToken,
  };
}

// DeleteResourceShare (RAM API reference): the share becomes DELETED and every principal and resource
// association ends, so receivers stop seeing the shared resources.
export function deleteResourceShare(ctx: RequestContext, resourceShareArn: string | null, clientToken: string | null) {
  if (!resourceShareArn) throw awsError("MissingRequiredParameterException", "resourceShareArn is required.");
  const share = ownShare(ctx, resourceShareArn);
  if (share.status === "DELETED") throw awsError("UnknownResourceException", `The resource share ${resourceShareArn} does not exist.`);
  for (const p of share.principals) Object.assign(p, { status: "DISASSOCIATED", updatedAt: ctx.now });
  for (const r of share.resources) Object.assign(r, { status: "DISASSOCIATED", updatedAt: ctx.now });
  Object.assign(share, { status: "DELETED", updatedAt: ctx.now });
  return { returnValue: true, ...(clientToken ? { clientToken } : {}) };
}
