import { awsError } from "../../core/aws-error";
import type { SandboxState, TransitGateway, TgwAttachment, VpcPeering } from "../../state/types";
import type { RequestContext } from "../../state/world";

type Owned = { accountId: string; region: string };

/** EC2 resources are per account and region: another account's id is simply "not found". */
export function isMine(ctx: RequestContext, r: Owned): boolean {
  return r.accountId === ctx.accountId && r.region === ctx.region;
}

export function findMine<T extends Owned>(
  ctx: RequestContext,
  table: Record<string, T>,
  id: string,
  code: string,
  what: string,
): T {
  const r = table[id];
  if (!r || !isMine(ctx, r)) throw awsError(code, `The ${what} ID '${id}' does not exist`);
  return r;
}

/** Both the requester and the accepter see a peering, each in its own region. */
export function peeringVisible(ctx: RequestContext, p: VpcPeering): boolean {
  return (
    (p.requester.accountId === ctx.accountId && p.requester.region === ctx.region) ||
    (p.accepter.accountId === ctx.accountId && p.accepter.region === ctx.region)
  );
}

export function tgwArn(tgw: TransitGateway): string {
  return `arn:aws:ec2:${tgw.region}:${tgw.accountId}:transit-gateway/${tgw.id}`;
}

/** A TGW is shared with an account when an active RAM share holds it and the account is associated. */
/** `visibleAt`: a principal associated later than this does not see the TGW yet (share propagation). */
export function tgwSharedWith(state: SandboxState, tgw: TransitGateway, accountId: string, visibleAt = Infinity): boolean {
  const arn = tgwArn(tgw);
  return Object.values(state.resourceShares).some(
    (s) =>
      s.status === "ACTIVE" &&
      s.region === tgw.region &&
      s.resources.some((r) => r.arn === arn && r.status === "ASSOCIATED") &&
      s.principals.some((p) => p.accountId === accountId && p.status === "ASSOCIATED" && p.updatedAt <= visibleAt),
  );
}

/**
 * RAM is eventually consistent (AWS RAM user guide): a principal's EC2 calls see a shared TGW a while after
 * the association or acceptance. The topology's `sharePropagationMs` (AWS time, scaled) models that delay.
 */
export function tgwVisible(ctx: RequestContext, tgw: TransitGateway): boolean {
  if (tgw.region !== ctx.region) return false;
  const delay = Math.round(ctx.world.topology.sharePropagationMs * ctx.world.clock.timeScale);
  return tgw.accountId === ctx.accountId || tgwSharedWith(ctx.world.state, tgw, ctx.accountId, ctx.now - delay);
}

export function findVisibleTgw(ctx: RequestContext, id: string): TransitGateway {
  const tgw = ctx.world.state.transitGateways[id];
  if (!tgw || !tgwVisible(ctx, tgw)) {
    throw awsError("InvalidTransitGatewayID.NotFound", `Transit Gateway ${id} was deleted or does not exist.`);
  }
  return tgw;
}

/** The TGW owner and the attached resource's owner both see an attachment. */
export function attachmentVisible(ctx: RequestContext, a: TgwAttachment): boolean {
  const tgw = ctx.world.state.transitGateways[a.transitGatewayId];
  if (!tgw || tgw.region !== ctx.region) return false;
  return tgw.accountId === ctx.accountId || a.resourceOwnerId === ctx.accountId;
}

export function findVisibleAttachment(ctx: RequestContext, id: string): TgwAttachment {
  const a = ctx.world.state.tgwAttachments[id];
  if (!a || !attachmentVisible(ctx, a)) {
    throw awsError("InvalidTransitGatewayAttachmentID.NotFound", `Transit Gateway Attachment ${id} was deleted or does not exist.`);
  }
  return a;
}
