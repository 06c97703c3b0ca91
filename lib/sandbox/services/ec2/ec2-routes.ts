import { awsError } from "../../core/aws-error";
import { isValidCidr } from "../../core/cidr";
import { qRequired, qStr, type QueryNode } from "../../protocols/query-input";
import type { XmlObject } from "../../protocols/xml";
import type { Route, RouteTable } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { findMine, findVisibleTgw, peeringVisible } from "./ec2-visibility";

/**
 * Checks the route's target the way EC2 does: a peering must be active and involve this VPC;
 * a TGW must have an available attachment for this VPC (EC2 API reference, CreateRoute).
 */
function targetOf(ctx: RequestContext, rt: RouteTable, q: QueryNode): Omit<Route, "destinationCidrBlock" | "origin"> {
  const state = ctx.world.state;
  const pcxId = qStr(q, "VpcPeeringConnectionId");
  const tgwId = qStr(q, "TransitGatewayId");
  const gatewayId = qStr(q, "GatewayId");
  if ([pcxId, tgwId, gatewayId].filter(Boolean).length !== 1) {
    throw awsError("InvalidParameterCombination", "Exactly one route target must be specified.");
  }
  if (pcxId) {
    const p = state.peerings[pcxId];
    if (!p || !peeringVisible(ctx, p)) {
      throw awsError("InvalidVpcPeeringConnectionID.NotFound", `The vpcPeeringConnection ID '${pcxId}' does not exist`);
    }
    if (p.requester.vpcId !== rt.vpcId && p.accepter.vpcId !== rt.vpcId) {
      throw awsError("InvalidParameterValue", `Route table ${rt.id} and peering ${pcxId} belong to different networks.`);
    }
    if (p.status !== "active") {
      throw awsError("IncorrectState", `The VPC peering connection ${pcxId} is ${p.status}, not active.`);
    }
    return { vpcPeeringConnectionId: pcxId };
  }
  if (tgwId) {
    findVisibleTgw(ctx, tgwId);
    const attachment = Object.values(state.tgwAttachments).find(
      (a) => a.transitGatewayId === tgwId && a.resourceId === rt.vpcId && a.state !== "deleted",
    );
    if (!attachment) {
      throw awsError("InvalidTransitGatewayID.NotFound", `The VPC ${rt.vpcId} has no attachment to ${tgwId}.`);
    }
    if (attachment.state !== "available") {
      throw awsError("IncorrectState", `The transit gateway attachment ${attachment.id} is ${attachment.state}, not available.`);
    }
    return { transitGatewayId: tgwId };
  }
  if (gatewayId === "local") throw awsError("InvalidParameterValue", "Cannot create a route to the local gateway.");
  throw awsError("InvalidGatewayID.NotFound", `The gateway ID '${gatewayId}' does not exist`);
}

function destination(q: QueryNode): string {
  const cidr = qRequired(q, "DestinationCidrBlock");
  if (!isValidCidr(cidr)) throw awsError("InvalidParameterValue", `Value (${cidr}) for parameter destinationCidrBlock is invalid.`);
  return cidr;
}

export function createRoute(ctx: RequestContext, q: QueryNode): XmlObject {
  const rt = findMine(ctx, ctx.world.state.routeTables, qRequired(q, "RouteTableId"), "InvalidRouteTableID.NotFound", "route table");
  const dest = destination(q);
  if (rt.routes.some((r) => r.destinationCidrBlock === dest)) {
    throw awsError("RouteAlreadyExists", `The route identified by ${dest} already exists.`);
  }
  // Amazon VPC quotas: routes added to the table count, per address family; the local route does not.
  const sameFamily = (cidr: string) => cidr.includes(":") === dest.includes(":");
  const added = rt.routes.filter((r) => r.origin === "CreateRoute" && sameFamily(r.destinationCidrBlock));
  if (added.length >= ctx.world.topology.quotas.routesPerRouteTable) {
    throw awsError("RouteLimitExceeded", `The maximum number of routes has been reached for ${rt.id}.`);
  }
  rt.routes.push({ destinationCidrBlock: dest, origin: "CreateRoute", ...targetOf(ctx, rt, q) });
  return { return: true };
}

export function replaceRoute(ctx: RequestContext, q: QueryNode): XmlObject {
  const rt = findMine(ctx, ctx.world.state.routeTables, qRequired(q, "RouteTableId"), "InvalidRouteTableID.NotFound", "route table");
  const dest = destination(q);
  const index = rt.routes.findIndex((r) => r.destinationCidrBlock === dest);
  const existing = rt.routes[index];
  if (!existing) {
    throw awsError("InvalidParameterValue", `There is no route defined for '${dest}' in the route table.`);
  }
  if (existing.gatewayId === "local") throw awsError("InvalidParameterValue", "The local route cannot be replaced.");
  rt.routes[index] = { destinationCidrBlock: dest, origin: "CreateRoute", ...targetOf(ctx, rt, q) };
  return {};
}

export function deleteRoute(ctx: RequestContext, q: QueryNode): XmlObject {
  const rt = findMine(ctx, ctx.world.state.routeTables, qRequired(q, "RouteTableId"), "InvalidRouteTableID.NotFound", "route table");
  const dest = destination(q);
  const existing = rt.routes.find((r) => r.destinationCidrBlock === dest);
  if (!existing) {
    throw awsError("InvalidRoute.NotFound", `No route with destination-cidr-block ${dest} in route table ${rt.id}`);
  }
  if (existing.gatewayId === "local") throw awsError("InvalidParameterValue", `cannot remove local route ${dest} in route table ${rt.id}`);
  rt.routes = rt.routes.filter((r) => r !== existing);
  return {};
}
