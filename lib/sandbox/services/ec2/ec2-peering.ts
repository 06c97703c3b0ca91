import { awsError } from "../../core/aws-error";
import { AWS_DELAYS, dueAfter } from "../../core/clock";
import { newId } from "../../core/ids";
import { qBool, qRequired, qStr, qStrList, qStruct, qTagSpecifications, type QueryNode } from "../../protocols/query-input";
import type { XmlObject } from "../../protocols/xml";
import type { PeeringSide, VpcPeering } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { describeItems } from "./ec2-describe";
import { tagSet } from "./ec2-tag-input";
import { findMine, peeringVisible } from "./ec2-visibility";

const OUTSTANDING = ["initiating-request", "pending-acceptance"];
const LIVE = ["active", "provisioning"];

function sideXml(p: VpcPeering, s: PeeringSide): XmlObject {
  const live = LIVE.includes(p.status);
  return {
    cidrBlock: s.cidrBlock || undefined,
    cidrBlockSet: s.cidrBlock && live ? [{ cidrBlock: s.cidrBlock }] : undefined,
    ownerId: s.accountId,
    vpcId: s.vpcId,
    region: s.region,
    peeringOptions: live
      ? {
          allowDnsResolutionFromRemoteVpc: s.allowDnsResolutionFromRemoteVpc,
          allowEgressFromLocalClassicLinkToRemoteVpc: false,
          allowEgressFromLocalVpcToRemoteClassicLink: false,
        }
      : undefined,
  };
}

export function peeringXml(p: VpcPeering): XmlObject {
  return {
    vpcPeeringConnectionId: p.id,
    requesterVpcInfo: sideXml(p, p.requester),
    accepterVpcInfo: sideXml(p, p.accepter),
    status: { code: p.status, message: p.statusMessage },
    expirationTime: OUTSTANDING.includes(p.status) ? new Date(p.expiresAt) : undefined,
    tagSet: tagSet(p.tags),
  };
}

function findVisiblePeering(ctx: RequestContext, id: string): VpcPeering {
  const p = ctx.world.state.peerings[id];
  if (!p || !peeringVisible(ctx, p)) {
    throw awsError("InvalidVpcPeeringConnectionID.NotFound", `The vpcPeeringConnection ID '${id}' does not exist`);
  }
  return p;
}

function wrongState(p: VpcPeering, action: string) {
  return awsError("InvalidStateTransition", `Invalid state transition for ${p.id}, attempted to transition from ${p.status} to ${action}`);
}

/**
 * Starts a request in `initiating-request`; it becomes `pending-acceptance`, or `failed` when the
 * IPv4 CIDRs overlap or the peer VPC does not exist (VPC peering guide, "vpc-peering-basics").
 */
export function createVpcPeeringConnection(ctx: RequestContext, q: QueryNode): XmlObject {
  const state = ctx.world.state;
  const quotas = ctx.world.topology.quotas;
  const vpc = findMine(ctx, state.vpcs, qRequired(q, "VpcId"), "InvalidVpcID.NotFound", "vpc");
  const peerVpcId = qRequired(q, "PeerVpcId");
  const peerOwnerId = qStr(q, "PeerOwnerId") ?? ctx.accountId;
  const peerRegion = qStr(q, "PeerRegion") ?? ctx.region;
  const peer = state.vpcs[peerVpcId];
  const peerExists = peer !== undefined && peer.accountId === peerOwnerId && peer.region === peerRegion;
  if (!peerExists && peerOwnerId === ctx.accountId && peerRegion === ctx.region) {
    throw awsError("InvalidVpcID.NotFound", `The vpc ID '${peerVpcId}' does not exist`);
  }
  const outstanding = Object.values(state.peerings).filter(
    (p) => p.requester.accountId === ctx.accountId && OUTSTANDING.includes(p.status),
  ).length;
  if (outstanding >= quotas.outstandingPeeringsPerAccount) {
    throw awsError("OutstandingVpcPeeringConnectionLimitExceeded", "You have reached the limit of outstanding VPC peering connection requests.");
  }
  const active = Object.values(state.peerings).filter(
    (p) => LIVE.includes(p.status) && (p.requester.vpcId === vpc.id || p.accepter.vpcId === vpc.id),
  ).length;
  if (active >= quotas.activePeeringsPerVpc) {
    throw awsError("VpcPeeringConnectionLimitExceeded", `The VPC ${vpc.id} has reached the limit of active VPC peering connections.`);
  }
  const p: VpcPeering = {
    id: newId(state.counter, "pcx"),
    requester: { accountId: ctx.accountId, region: ctx.region, vpcId: vpc.id, cidrBlock: vpc.cidrBlock, allowDnsResolutionFromRemoteVpc: false },
    accepter: {
      accountId: peerOwnerId,
      region: peerRegion,
      vpcId: peerVpcId,
      cidrBlock: peerExists ? peer.cidrBlock : "",
      allowDnsResolutionFromRemoteVpc: false,
    },
    status: "initiating-request",
    statusMessage: `Initiating Request to ${peerOwnerId}`,
    createdAt: ctx.now,
    dueAt: dueAfter(ctx.world.clock, AWS_DELAYS.peeringInitiate),
    expiresAt: dueAfter(ctx.world.clock, AWS_DELAYS.peeringExpiry),
    tags: qTagSpecifications(q, "vpc-peering-connection"),
  };
  state.peerings[p.id] = p;
  return { vpcPeeringConnection: peeringXml(p) };
}

/** Only the accepter account, in the accepter VPC's region, may accept or reject. */
function requireAccepter(ctx: RequestContext, p: VpcPeering, action: string): void {
  if (p.accepter.accountId !== ctx.accountId || p.accepter.region !== ctx.region) {
    throw awsError("OperationNotPermitted", `User ${ctx.accountId} cannot ${action} peering ${p.id}; only the accepter can, in ${p.accepter.region}.`);
  }
}

export function acceptVpcPeeringConnection(ctx: RequestContext, q: QueryNode): XmlObject {
  const p = findVisiblePeering(ctx, qRequired(q, "VpcPeeringConnectionId"));
  requireAccepter(ctx, p, "accept");
  if (p.status !== "pending-acceptance") throw wrongState(p, "active");
  const live = Object.values(ctx.world.state.peerings).filter(
    (x) => LIVE.includes(x.status) && (x.requester.vpcId === p.accepter.vpcId || x.accepter.vpcId === p.accepter.vpcId),
  ).length;
  if (live >= ctx.world.topology.quotas.activePeeringsPerVpc) {
    throw awsError("VpcPeeringConnectionLimitExceeded", `The VPC ${p.accepter.vpcId} has reached the limit of active VPC peering connections.`);
  }
  p.status = "provisioning";
  p.statusMessage = "Provisioning";
  p.dueAt = dueAfter(ctx.world.clock, AWS_DELAYS.peeringProvision);
  return { vpcPeeringConnection: peeringXml(p) };
}

export function rejectVpcPeeringConnection(ctx: RequestContext, q: QueryNode): XmlObject {
  const p = findVisiblePeering(ctx, qRequired(q, "VpcPeeringConnectionId"));
  requireAccepter(ctx, p, "reject");
  if (p.status !== "pending-acceptance") throw wrongState(p, "rejected");
  p.status = "rejected";
  p.statusMessage = `Rejected by ${ctx.accountId}`;
  p.dueAt = undefined;
  return { return: true };
}

export function deleteVpcPeeringConnection(ctx: RequestContext, q: QueryNode): XmlObject {
  const p = findVisiblePeering(ctx, qRequired(q, "VpcPeeringConnectionId"));
  if (!["pending-acceptance", "provisioning", "active"].includes(p.status)) throw wrongState(p, "deleted");
  // The accepter may only reject a pending request, not delete it (EC2 API reference, DeleteVpcPeeringConnection).
  if (p.status === "pending-acceptance" && p.requester.accountId !== ctx.accountId) throw wrongState(p, "deleted");
  p.status = "deleted";
  p.statusMessage = `Deleted by ${ctx.accountId}`;
  p.dueAt = undefined;
  return { return: true };
}

export function describeVpcPeeringConnections(ctx: RequestContext, q: QueryNode): XmlObject {
  const visible = Object.values(ctx.world.state.peerings).filter((p) => peeringVisible(ctx, p));
  const { page, nextToken } = describeItems(
    q,
    visible,
    (p) => p.id,
    qStrList(q, "VpcPeeringConnectionId", "VpcPeeringConnectionIds"),
    "InvalidVpcPeeringConnectionID.NotFound",
    {
      "vpc-peering-connection-id": (p) => [p.id],
      "status-code": (p) => [p.status],
      "requester-vpc-info.vpc-id": (p) => [p.requester.vpcId],
      "requester-vpc-info.owner-id": (p) => [p.requester.accountId],
      "requester-vpc-info.cidr-block": (p) => [p.requester.cidrBlock],
      "accepter-vpc-info.vpc-id": (p) => [p.accepter.vpcId],
      "accepter-vpc-info.owner-id": (p) => [p.accepter.accountId],
      "accepter-vpc-info.cidr-block": (p) => [p.accepter.cidrBlock],
    },
  );
  return { vpcPeeringConnectionSet: page.map(peeringXml), nextToken };
}

/**
 * DNS resolution is set per side by that side's owner, only on an active peering
 * (VPC peering guide, "vpc-peering-dns").
 */
export function modifyVpcPeeringConnectionOptions(ctx: RequestContext, q: QueryNode): XmlObject {
  const p = findVisiblePeering(ctx, qRequired(q, "VpcPeeringConnectionId"));
  if (p.status !== "active") {
    throw awsError("OperationNotPermitted", `Peering ${p.id} is ${p.status}; options can be modified only when it is active.`);
  }
  const sides = [
    ["RequesterPeeringConnectionOptions", p.requester],
    ["AccepterPeeringConnectionOptions", p.accepter],
  ] as const;
  for (const [name, side] of sides) {
    const opts = qStruct(q, name);
    if (!opts) continue;
    if (side.accountId !== ctx.accountId) {
      throw awsError("OperationNotPermitted", `Account ${ctx.accountId} cannot modify the ${name} of ${p.id}.`);
    }
  }
  for (const [name, side] of sides) {
    const opts = qStruct(q, name);
    const allow = opts ? qBool(opts, "AllowDnsResolutionFromRemoteVpc") : undefined;
    if (allow !== undefined) side.allowDnsResolutionFromRemoteVpc = allow;
  }
  const optsXml = (s: PeeringSide) => ({
    allowDnsResolutionFromRemoteVpc: s.allowDnsResolutionFromRemoteVpc,
    allowEgressFromLocalClassicLinkToRemoteVpc: false,
    allowEgressFromLocalVpcToRemoteClassicLink: false,
  });
  return {
    requesterPeeringConnectionOptions: qStruct(q, "RequesterPeeringConnectionOptions") ? optsXml(p.requester) : undefined,
    accepterPeeringConnectionOptions: qStruct(q, "AccepterPeeringConnectionOptions") ? optsXml(p.accepter) : undefined,
  };
}
