import { awsError } from "../../core/aws-error";
import { AWS_DELAYS, dueAfter } from "../../core/clock";
import { newId } from "../../core/ids";
import { qRequired, qStr, qStrList, qStruct, qTagSpecifications, type QueryNode } from "../../protocols/query-input";
import type { XmlObject } from "../../protocols/xml";
import type { Subnet, TgwAttachment, TransitGateway } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { describeItems } from "./ec2-describe";
import { tagSet } from "./ec2-tag-input";
import { applyDefaultRouteTables, associationState } from "./ec2-tgw-defaults";
import { attachmentVisible, findMine, findVisibleAttachment, findVisibleTgw, tgwArn, tgwVisible } from "./ec2-visibility";

function tgwXml(t: TransitGateway): XmlObject {
  return {
    transitGatewayId: t.id,
    transitGatewayArn: tgwArn(t),
    state: "available",
    ownerId: t.accountId,
    description: t.description,
    creationTime: new Date(t.createdAt),
    options: {
      amazonSideAsn: t.amazonSideAsn,
      autoAcceptSharedAttachments: t.autoAcceptSharedAttachments,
      defaultRouteTableAssociation: t.defaultRouteTableAssociation,
      associationDefaultRouteTableId: t.associationDefaultRouteTableId,
      defaultRouteTablePropagation: t.defaultRouteTablePropagation,
      propagationDefaultRouteTableId: t.propagationDefaultRouteTableId,
      vpnEcmpSupport: "enable",
      dnsSupport: t.dnsSupport,
      securityGroupReferencingSupport: t.securityGroupReferencingSupport,
    },
    tagSet: tagSet(t.tags),
  };
}

export function describeTransitGateways(ctx: RequestContext, q: QueryNode): XmlObject {
  const visible = Object.values(ctx.world.state.transitGateways).filter((t) => tgwVisible(ctx, t));
  const { page, nextToken } = describeItems(q, visible, (t) => t.id, qStrList(q, "TransitGatewayIds"), "InvalidTransitGatewayID.NotFound", {
    "transit-gateway-id": (t) => [t.id],
    "owner-id": (t) => [t.accountId],
    state: () => ["available"],
    "options.auto-accept-shared-attachments": (t) => [t.autoAcceptSharedAttachments],
    "options.default-route-table-association": (t) => [t.defaultRouteTableAssociation],
    "options.default-route-table-propagation": (t) => [t.defaultRouteTablePropagation],
    "options.association-default-route-table-id": (t) => [t.associationDefaultRouteTableId],
    "options.propagation-default-route-table-id": (t) => [t.propagationDefaultRouteTableId],
  });
  return { transitGatewaySet: page.map(tgwXml), nextToken };
}

function attachmentXml(ctx: RequestContext, a: TgwAttachment): XmlObject {
  const tgw = ctx.world.state.transitGateways[a.transitGatewayId];
  return {
    transitGatewayAttachmentId: a.id,
    transitGatewayId: a.transitGatewayId,
    transitGatewayOwnerId: tgw?.accountId,
    resourceOwnerId: a.resourceOwnerId,
    resourceType: a.resourceType,
    resourceId: a.resourceId,
    state: a.state,
    association: a.associatedRouteTableId
      ? { transitGatewayRouteTableId: a.associatedRouteTableId, state: associationState(a) }
      : undefined,
    creationTime: new Date(a.createdAt),
    tagSet: tagSet(a.tags),
  };
}

export function vpcAttachmentXml(a: TgwAttachment): XmlObject {
  return {
    transitGatewayAttachmentId: a.id,
    transitGatewayId: a.transitGatewayId,
    vpcId: a.resourceId,
    vpcOwnerId: a.resourceOwnerId,
    state: a.state,
    subnetIds: a.subnetIds,
    creationTime: new Date(a.createdAt),
    options: {
      dnsSupport: a.dnsSupport,
      securityGroupReferencingSupport: a.securityGroupReferencingSupport,
      ipv6Support: "disable",
      applianceModeSupport: "disable",
    },
    tagSet: tagSet(a.tags),
  };
}

const attachmentFields = (ctx: RequestContext) => ({
  "transit-gateway-attachment-id": (a: TgwAttachment) => [a.id],
  "transit-gateway-id": (a: TgwAttachment) => [a.transitGatewayId],
  "transit-gateway-owner-id": (a: TgwAttachment) => [ctx.world.state.transitGateways[a.transitGatewayId]?.accountId],
  "resource-id": (a: TgwAttachment) => [a.resourceId],
  "resource-type": (a: TgwAttachment) => [a.resourceType],
  "resource-owner-id": (a: TgwAttachment) => [a.resourceOwnerId],
  state: (a: TgwAttachment) => [a.state],
  "association.transit-gateway-route-table-id": (a: TgwAttachment) => [a.associatedRouteTableId],
  "association.state": (a: TgwAttachment) => [a.associatedRouteTableId ? associationState(a) : undefined],
  "vpc-id": (a: TgwAttachment) => [a.resourceType === "vpc" ? a.resourceId : undefined],
  "vpc-owner-id": (a: TgwAttachment) => [a.resourceType === "vpc" ? a.resourceOwnerId : undefined],
});

export function describeTransitGatewayAttachments(ctx: RequestContext, q: QueryNode): XmlObject {
  const visible = Object.values(ctx.world.state.tgwAttachments).filter((a) => attachmentVisible(ctx, a));
  const { page, nextToken } = describeItems(
    q,
    visible,
    (a) => a.id,
    qStrList(q, "TransitGatewayAttachmentIds"),
    "InvalidTransitGatewayAttachmentID.NotFound",
    attachmentFields(ctx),
  );
  return { transitGatewayAttachments: page.map((a) => attachmentXml(ctx, a)), nextToken };
}

export function describeTransitGatewayVpcAttachments(ctx: RequestContext, q: QueryNode): XmlObject {
  const visible = Object.values(ctx.world.state.tgwAttachments).filter(
    (a) => a.resourceType === "vpc" && attachmentVisible(ctx, a),
  );
  const { page, nextToken } = describeItems(
    q,
    visible,
    (a) => a.id,
    qStrList(q, "TransitGatewayAttachmentIds"),
    "InvalidTransitGatewayAttachmentID.NotFound",
    attachmentFields(ctx),
  );
  return { transitGatewayVpcAttachments: page.map(vpcAttachmentXml), nextToken };
}

function enableDisable(v: string | undefined, fallback: "enable" | "disable"): "enable" | "disable" {
  return v === "enable" || v === "disable" ? v : fallback;
}

/**
 * Transit Gateway guide (tgw-vpc-attachments, Limits): no attachment in a Local Zone subnet, nor in an
 * IPv6-only one ("attachment subnets must also support IPv4 addresses"). AWS documents no error code for
 * either; InvalidParameterValue is what EC2 answers for a parameter value it refuses.
 */
function refuseAttachmentSubnet(ctx: RequestContext, subnet: Subnet): void {
  const edge = ctx.world.topology.edgeZones.find((z) => z.zoneId === subnet.availabilityZoneId);
  if (edge) {
    throw awsError(
      "InvalidParameterValue",
      `Subnet ${subnet.id} is in ${edge.zoneName}, a ${edge.zoneType}; transit gateway attachments are not supported in ${edge.zoneType === "local-zone" ? "Local Zones" : "Wavelength Zones"}.`,
    );
  }
  if (subnet.ipv6Native === true) {
    throw awsError("InvalidParameterValue", `Subnet ${subnet.id} is IPv6-only; transit gateway attachment subnets must support IPv4 addresses.`);
  }
}

/**
 * One attachment per VPC per TGW, one subnet per AZ; a cross-account attachment waits in
 * `pendingAcceptance` unless the TGW auto-accepts (Transit Gateway guide, "tgw-vpc-attachments").
 * One that starts provisioning at once gets the TGW's default association and propagation now.
 */
export function createTransitGatewayVpcAttachment(ctx: RequestContext, q: QueryNode): XmlObject {
  const state = ctx.world.state;
  const tgw = findVisibleTgw(ctx, qRequired(q, "TransitGatewayId"));
  const vpc = findMine(ctx, state.vpcs, qRequired(q, "VpcId"), "InvalidVpcID.NotFound", "vpc");
  const subnetIds = qStrList(q, "SubnetIds", "SubnetId");
  if (subnetIds.length === 0) throw awsError("MissingParameter", "The request must contain the parameter SubnetIds");
  const zones = new Set<string>();
  for (const id of subnetIds) {
    const subnet = state.subnets[id];
    if (!subnet || subnet.vpcId !== vpc.id || subnet.accountId !== ctx.accountId) {
      throw awsError("InvalidSubnetID.NotFound", `The subnet ID '${id}' does not exist in ${vpc.id}`);
    }
    refuseAttachmentSubnet(ctx, subnet);
    if (zones.has(subnet.availabilityZoneId)) {
      throw awsError("DuplicateSubnetsInSameZone", `Only one subnet per Availability Zone may be given; ${subnet.availabilityZone} has two.`);
    }
    zones.add(subnet.availabilityZoneId);
  }
  const live = Object.values(state.tgwAttachments).filter(
    (a) => a.transitGatewayId === tgw.id && a.state !== "deleted" && a.state !== "rejected" && a.state !== "failed",
  );
  if (live.some((a) => a.resourceId === vpc.id)) {
    throw awsError("DuplicateTransitGatewayAttachment", `${tgw.id} has non-deleted Transit Gateway Attachments with same VPC ID.`);
  }
  if (live.length >= ctx.world.topology.quotas.attachmentsPerTransitGateway) {
    throw awsError("TransitGatewayAttachmentLimitExceeded", `The maximum number of attachments for ${tgw.id} has been reached.`);
  }
  const options = qStruct(q, "Options");
  const needsAcceptance = tgw.accountId !== ctx.accountId && tgw.autoAcceptSharedAttachments === "disable";
  const a: TgwAttachment = {
    id: newId(state.counter, "tgw-attach"),
    transitGatewayId: tgw.id,
    resourceType: "vpc",
    resourceId: vpc.id,
    resourceOwnerId: ctx.accountId,
    subnetIds,
    state: needsAcceptance ? "pendingAcceptance" : "pending",
    dueAt: needsAcceptance ? undefined : dueAfter(ctx.world.clock, AWS_DELAYS.tgwAttachment),
    createdAt: ctx.now,
    dnsSupport: enableDisable(options ? qStr(options, "DnsSupport") : undefined, "enable"),
    // The attachment option defaults to enable; the TGW-level option defaults to disable.
    securityGroupReferencingSupport: enableDisable(options ? qStr(options, "SecurityGroupReferencingSupport") : undefined, "enable"),
    advertisedPrefixes: [],
    tags: qTagSpecifications(q, "transit-gateway-attachment"),
  };
  state.tgwAttachments[a.id] = a;
  if (!needsAcceptance) applyDefaultRouteTables(state, tgw, a);
  return { transitGatewayVpcAttachment: vpcAttachmentXml(a) };
}

export function acceptTransitGatewayVpcAttachment(ctx: RequestContext, q: QueryNode): XmlObject {
  const a = findVisibleAttachment(ctx, qRequired(q, "TransitGatewayAttachmentId"));
  const tgw = ctx.world.state.transitGateways[a.transitGatewayId];
  if (tgw?.accountId !== ctx.accountId) {
    throw awsError("InvalidTransitGatewayAttachmentID.NotFound", `Only the owner of ${a.transitGatewayId} can accept ${a.id}.`);
  }
  if (a.state !== "pendingAcceptance") {
    throw awsError("IncorrectState", `tgw-attachment ${a.id} is in invalid state ${a.state}`);
  }
  a.state = "pending";
  a.dueAt = dueAfter(ctx.world.clock, AWS_DELAYS.tgwAttachment);
  applyDefaultRouteTables(ctx.world.state, tgw, a);
  return { transitGatewayVpcAttachment: vpcAttachmentXml(a) };
}

export function deleteTransitGatewayVpcAttachment(ctx: RequestContext, q: QueryNode): XmlObject {
  const a = findVisibleAttachment(ctx, qRequired(q, "TransitGatewayAttachmentId"));
  if (a.resourceType !== "vpc") {
    throw awsError("InvalidTransitGatewayAttachmentID.NotFound", `${a.id} is not a VPC attachment.`);
  }
  if (!["available", "pendingAcceptance"].includes(a.state)) {
    throw awsError("IncorrectState", `tgw-attachment ${a.id} is in invalid state ${a.state}`);
  }
  a.state = "deleting";
  a.dueAt = dueAfter(ctx.world.clock, AWS_DELAYS.tgwAttachmentDelete);
  for (const rt of Object.values(ctx.world.state.tgwRouteTables)) {
    rt.propagations = rt.propagations.filter((id) => id !== a.id);
  }
  return { transitGatewayVpcAttachment: vpcAttachmentXml(a) };
}
