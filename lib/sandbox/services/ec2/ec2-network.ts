import { awsError } from "../../core/aws-error";
import { qRequired, qStrList, type QueryNode } from "../../protocols/query-input";
import type { XmlObject } from "../../protocols/xml";
import type { Route, RouteTable, Subnet, Vpc } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { describeItems } from "./ec2-describe";
import { tagSet } from "./ec2-tag-input";
import { findMine, isMine } from "./ec2-visibility";

function vpcXml(v: Vpc): XmlObject {
  return {
    vpcId: v.id,
    ownerId: v.accountId,
    state: "available",
    cidrBlock: v.cidrBlock,
    cidrBlockAssociationSet: [
      { associationId: `vpc-cidr-assoc-${v.id.slice(4)}`, cidrBlock: v.cidrBlock, cidrBlockState: { state: "associated" } },
    ],
    dhcpOptionsId: "dopt-0sandbox",
    instanceTenancy: "default",
    isDefault: false,
    tagSet: tagSet(v.tags),
  };
}

export function describeVpcs(ctx: RequestContext, q: QueryNode): XmlObject {
  const visible = Object.values(ctx.world.state.vpcs).filter((v) => isMine(ctx, v));
  const { page, nextToken } = describeItems(q, visible, (v) => v.id, qStrList(q, "VpcId", "VpcIds"), "InvalidVpcID.NotFound", {
    "vpc-id": (v) => [v.id],
    "cidr": (v) => [v.cidrBlock],
    "cidr-block-association.cidr-block": (v) => [v.cidrBlock],
    "owner-id": (v) => [v.accountId],
    "state": () => ["available"],
    "is-default": () => ["false"],
  });
  return { vpcSet: page.map(vpcXml), nextToken };
}

export function describeVpcAttribute(ctx: RequestContext, q: QueryNode): XmlObject {
  const vpc = findMine(ctx, ctx.world.state.vpcs, qRequired(q, "VpcId"), "InvalidVpcID.NotFound", "vpc");
  const attribute = qRequired(q, "Attribute");
  switch (attribute) {
    case "enableDnsHostnames":
      return { vpcId: vpc.id, enableDnsHostnames: { value: vpc.enableDnsHostnames } };
    case "enableDnsSupport":
      return { vpcId: vpc.id, enableDnsSupport: { value: vpc.enableDnsSupport } };
    case "enableNetworkAddressUsageMetrics":
      return { vpcId: vpc.id, enableNetworkAddressUsageMetrics: { value: false } };
    default:
      throw awsError("InvalidParameterValue", `Value (${attribute}) for parameter attribute is invalid.`);
  }
}

function subnetXml(s: Subnet): XmlObject {
  return {
    subnetId: s.id,
    subnetArn: `arn:aws:ec2:${s.region}:${s.accountId}:subnet/${s.id}`,
    ownerId: s.accountId,
    vpcId: s.vpcId,
    state: "available",
    cidrBlock: s.cidrBlock || undefined,
    ipv6CidrBlockAssociationSet: s.ipv6CidrBlock
      ? [{ associationId: `subnet-cidr-assoc-${s.id.slice(7)}`, ipv6CidrBlock: s.ipv6CidrBlock, ipv6CidrBlockState: { state: "associated" } }]
      : [],
    ipv6Native: s.ipv6Native === true,
    availabilityZone: s.availabilityZone,
    availabilityZoneId: s.availabilityZoneId,
    availableIpAddressCount: 251,
    defaultForAz: false,
    mapPublicIpOnLaunch: false,
    tagSet: tagSet(s.tags),
  };
}

export function describeSubnets(ctx: RequestContext, q: QueryNode): XmlObject {
  const visible = Object.values(ctx.world.state.subnets).filter((s) => isMine(ctx, s));
  const { page, nextToken } = describeItems(
    q,
    visible,
    (s) => s.id,
    qStrList(q, "SubnetId", "SubnetIds"),
    "InvalidSubnetID.NotFound",
    {
      "subnet-id": (s) => [s.id],
      "vpc-id": (s) => [s.vpcId],
      "availability-zone": (s) => [s.availabilityZone],
      "availability-zone-id": (s) => [s.availabilityZoneId],
      "cidr-block": (s) => [s.cidrBlock],
      "ipv6-native": (s) => [String(s.ipv6Native === true)],
      "owner-id": (s) => [s.accountId],
      "state": () => ["available"],
    },
  );
  return { subnetSet: page.map(subnetXml), nextToken };
}

/** A route whose target is gone or not usable is a blackhole (VPC user guide, "Route tables"). */
export function routeState(ctx: RequestContext, rt: RouteTable, r: Route): "active" | "blackhole" {
  const state = ctx.world.state;
  if (r.vpcPeeringConnectionId) {
    return state.peerings[r.vpcPeeringConnectionId]?.status === "active" ? "active" : "blackhole";
  }
  if (r.transitGatewayId) {
    const ok = Object.values(state.tgwAttachments).some(
      (a) => a.transitGatewayId === r.transitGatewayId && a.resourceId === rt.vpcId && a.state === "available",
    );
    return ok ? "active" : "blackhole";
  }
  return "active";
}

function routeTableXml(ctx: RequestContext, rt: RouteTable): XmlObject {
  return {
    routeTableId: rt.id,
    vpcId: rt.vpcId,
    ownerId: rt.accountId,
    routeSet: rt.routes.map((r) => ({
      destinationCidrBlock: r.destinationCidrBlock,
      gatewayId: r.gatewayId,
      vpcPeeringConnectionId: r.vpcPeeringConnectionId,
      transitGatewayId: r.transitGatewayId,
      state: routeState(ctx, rt, r),
      origin: r.origin,
    })),
    associationSet: rt.associations.map((a) => ({
      routeTableAssociationId: a.id,
      routeTableId: rt.id,
      subnetId: a.subnetId,
      main: a.main,
      associationState: { state: "associated" },
    })),
    propagatingVgwSet: [],
    tagSet: tagSet(rt.tags),
  };
}

export function describeRouteTables(ctx: RequestContext, q: QueryNode): XmlObject {
  const visible = Object.values(ctx.world.state.routeTables).filter((r) => isMine(ctx, r));
  const { page, nextToken } = describeItems(
    q,
    visible,
    (r) => r.id,
    qStrList(q, "RouteTableId", "RouteTableIds"),
    "InvalidRouteTableID.NotFound",
    {
      "route-table-id": (r) => [r.id],
      "vpc-id": (r) => [r.vpcId],
      "owner-id": (r) => [r.accountId],
      "association.subnet-id": (r) => r.associations.map((a) => a.subnetId),
      "association.main": (r) => [String(r.associations.some((a) => a.main))],
      "association.route-table-association-id": (r) => r.associations.map((a) => a.id),
      "route.destination-cidr-block": (r) => r.routes.map((x) => x.destinationCidrBlock),
      "route.vpc-peering-connection-id": (r) => r.routes.map((x) => x.vpcPeeringConnectionId),
      "route.transit-gateway-id": (r) => r.routes.map((x) => x.transitGatewayId),
      "route.gateway-id": (r) => r.routes.map((x) => x.gatewayId),
      "route.state": (r) => r.routes.map((x) => routeState(ctx, r, x)),
      "route.origin": (r) => r.routes.map((x) => x.origin),
    },
  );
  return { routeTableSet: page.map((r) => routeTableXml(ctx, r)), nextToken };
}
