import { awsError } from "../../core/aws-error";
import { applyFilters } from "../../core/filters";
import { isValidCidr } from "../../core/cidr";
import { paginate } from "../../core/pagination";
import { qBool, qFilters, qInt, qRequired, qStr, qStrList, type QueryNode } from "../../protocols/query-input";
import type { XmlObject } from "../../protocols/xml";
import type { Tag, TgwAttachment, TgwRouteTable } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { describeItems } from "./ec2-describe";
import { tagSet } from "./ec2-tag-input";
import { associationState, settling } from "./ec2-tgw-defaults";
import { isMine } from "./ec2-visibility";

function findRouteTable(ctx: RequestContext, id: string): TgwRouteTable {
  const rt = ctx.world.state.tgwRouteTables[id];
  if (!rt || !isMine(ctx, rt)) {
    throw awsError("InvalidRouteTableID.NotFound", `Transit Gateway Route Table ${id} was deleted or does not exist.`);
  }
  return rt;
}

/** The attachment must be on the route table's TGW and `available` (else IncorrectState). */
function usableAttachment(ctx: RequestContext, rt: TgwRouteTable, id: string): TgwAttachment {
  const a = ctx.world.state.tgwAttachments[id];
  if (!a || a.transitGatewayId !== rt.transitGatewayId || a.state === "deleted") {
    throw awsError("InvalidTransitGatewayAttachmentID.NotFound", `Transit Gateway Attachment ${id} was deleted or does not exist.`);
  }
  if (a.state !== "available") {
    throw awsError("IncorrectState", `tgw-attachment ${a.id} is in invalid state ${a.state}`);
  }
  return a;
}

/** The TGW's default tables, flagged as such by DescribeTransitGatewayRouteTables. */
function defaultFlags(ctx: RequestContext, r: TgwRouteTable): { association: boolean; propagation: boolean } {
  const tgw = ctx.world.state.transitGateways[r.transitGatewayId];
  return { association: tgw?.associationDefaultRouteTableId === r.id, propagation: tgw?.propagationDefaultRouteTableId === r.id };
}

export function describeTransitGatewayRouteTables(ctx: RequestContext, q: QueryNode): XmlObject {
  const visible = Object.values(ctx.world.state.tgwRouteTables).filter((r) => isMine(ctx, r));
  const { page, nextToken } = describeItems(
    q,
    visible,
    (r) => r.id,
    qStrList(q, "TransitGatewayRouteTableIds"),
    "InvalidRouteTableID.NotFound",
    {
      "transit-gateway-route-table-id": (r) => [r.id],
      "transit-gateway-id": (r) => [r.transitGatewayId],
      state: () => ["available"],
      "default-association-route-table": (r) => [String(defaultFlags(ctx, r).association)],
      "default-propagation-route-table": (r) => [String(defaultFlags(ctx, r).propagation)],
    },
  );
  return {
    transitGatewayRouteTables: page.map((r) => ({
      transitGatewayRouteTableId: r.id,
      transitGatewayId: r.transitGatewayId,
      state: "available",
      defaultAssociationRouteTable: defaultFlags(ctx, r).association,
      defaultPropagationRouteTable: defaultFlags(ctx, r).propagation,
      creationTime: new Date(r.createdAt),
      tagSet: tagSet(r.tags),
    })),
    nextToken,
  };
}

function associationXml(rt: TgwRouteTable, a: TgwAttachment, state: string): XmlObject {
  return {
    transitGatewayRouteTableId: rt.id,
    transitGatewayAttachmentId: a.id,
    resourceId: a.resourceId,
    resourceType: a.resourceType,
    state,
  };
}

export function associateTransitGatewayRouteTable(ctx: RequestContext, q: QueryNode): XmlObject {
  const rt = findRouteTable(ctx, qRequired(q, "TransitGatewayRouteTableId"));
  const a = usableAttachment(ctx, rt, qRequired(q, "TransitGatewayAttachmentId"));
  if (a.associatedRouteTableId) {
    throw awsError("Resource.AlreadyAssociated", `Transit Gateway Attachment ${a.id} is already associated to a route table.`);
  }
  a.associatedRouteTableId = rt.id;
  return { association: associationXml(rt, a, associationState(a)) };
}

export function disassociateTransitGatewayRouteTable(ctx: RequestContext, q: QueryNode): XmlObject {
  const rt = findRouteTable(ctx, qRequired(q, "TransitGatewayRouteTableId"));
  const id = qRequired(q, "TransitGatewayAttachmentId");
  const a = ctx.world.state.tgwAttachments[id];
  if (!a || a.associatedRouteTableId !== rt.id) {
    throw awsError("InvalidAssociation.NotFound", `Transit Gateway Attachment ${id} is not associated with ${rt.id}.`);
  }
  // A default association still being made cannot be undone yet.
  if (settling(a)) throw awsError("IncorrectState", `tgw-attachment ${a.id} is in invalid state ${a.state}`);
  a.associatedRouteTableId = undefined;
  return { association: associationXml(rt, a, "disassociated") };
}

function propagationXml(rt: TgwRouteTable, a: TgwAttachment, state: string): XmlObject {
  return {
    transitGatewayAttachmentId: a.id,
    resourceId: a.resourceId,
    resourceType: a.resourceType,
    transitGatewayRouteTableId: rt.id,
    state,
  };
}

export function enableTransitGatewayRouteTablePropagation(ctx: RequestContext, q: QueryNode): XmlObject {
  const rt = findRouteTable(ctx, qRequired(q, "TransitGatewayRouteTableId"));
  const a = usableAttachment(ctx, rt, qRequired(q, "TransitGatewayAttachmentId"));
  if (rt.propagations.includes(a.id)) {
    throw awsError("TransitGatewayRouteTablePropagation.Duplicate", `${a.id} already propagates to ${rt.id}.`);
  }
  rt.propagations.push(a.id);
  return { propagation: propagationXml(rt, a, "enabled") };
}

export function disableTransitGatewayRouteTablePropagation(ctx: RequestContext, q: QueryNode): XmlObject {
  const rt = findRouteTable(ctx, qRequired(q, "TransitGatewayRouteTableId"));
  const id = qRequired(q, "TransitGatewayAttachmentId");
  const a = ctx.world.state.tgwAttachments[id];
  if (!a || !rt.propagations.includes(id)) {
    throw awsError("InvalidRouteTablePropagation.NotFound", `${id} does not propagate to ${rt.id}.`);
  }
  if (settling(a)) throw awsError("IncorrectState", `tgw-attachment ${a.id} is in invalid state ${a.state}`);
  rt.propagations = rt.propagations.filter((p) => p !== id);
  return { propagation: propagationXml(rt, a, "disabled") };
}

type EffectiveRoute = {
  destinationCidrBlock: string;
  type: "static" | "propagated";
  state: "active" | "blackhole";
  attachment?: TgwAttachment;
  tags: Tag[];
};

/**
 * Static routes plus what propagating attachments advertise: a VPC its CIDR, a Direct Connect
 * gateway its allowed prefixes. A static route wins over a propagated one for the same CIDR,
 * and a CIDR already propagated is not propagated twice (Transit Gateway guide, "tgw-route-tables").
 */
export function effectiveRoutes(ctx: RequestContext, rt: TgwRouteTable): EffectiveRoute[] {
  const state = ctx.world.state;
  const out: EffectiveRoute[] = rt.staticRoutes.map((r) => {
    const a = r.attachmentId ? state.tgwAttachments[r.attachmentId] : undefined;
    const ok = !r.blackhole && a?.state === "available";
    return { destinationCidrBlock: r.destinationCidrBlock, type: "static", state: ok ? "active" : "blackhole", attachment: a, tags: [] };
  });
  for (const id of rt.propagations) {
    const a = state.tgwAttachments[id];
    if (!a || a.state !== "available") continue;
    const cidrs = a.resourceType === "vpc" ? [state.vpcs[a.resourceId]?.cidrBlock ?? ""] : a.advertisedPrefixes;
    for (const cidr of cidrs) {
      if (!cidr || out.some((r) => r.destinationCidrBlock === cidr)) continue;
      out.push({ destinationCidrBlock: cidr, type: "propagated", state: "active", attachment: a, tags: [] });
    }
  }
  return out;
}

function routeXml(r: EffectiveRoute): XmlObject {
  return {
    destinationCidrBlock: r.destinationCidrBlock,
    transitGatewayAttachments: r.attachment
      ? [{ resourceId: r.attachment.resourceId, transitGatewayAttachmentId: r.attachment.id, resourceType: r.attachment.resourceType }]
      : [],
    type: r.type,
    state: r.state,
  };
}

export function createTransitGatewayRoute(ctx: RequestContext, q: QueryNode): XmlObject {
  const rt = findRouteTable(ctx, qRequired(q, "TransitGatewayRouteTableId"));
  const cidr = qRequired(q, "DestinationCidrBlock");
  if (!isValidCidr(cidr)) throw awsError("InvalidParameterValue", `Value (${cidr}) for parameter destinationCidrBlock is invalid.`);
  const blackhole = qBool(q, "Blackhole") ?? false;
  const attachmentId = qStr(q, "TransitGatewayAttachmentId");
  if (!blackhole && !attachmentId) {
    throw awsError("MissingParameter", "Either TransitGatewayAttachmentId or Blackhole must be given.");
  }
  const attachment = attachmentId && !blackhole ? usableAttachment(ctx, rt, attachmentId) : undefined;
  if (rt.staticRoutes.some((r) => r.destinationCidrBlock === cidr)) {
    throw awsError("RouteAlreadyExists", `Route ${cidr} already exists in Transit Gateway Route Table ${rt.id}.`);
  }
  rt.staticRoutes.push({ destinationCidrBlock: cidr, attachmentId: attachment?.id, blackhole });
  const route = effectiveRoutes(ctx, rt).find((r) => r.destinationCidrBlock === cidr && r.type === "static");
  return { route: route ? routeXml(route) : undefined };
}

export function deleteTransitGatewayRoute(ctx: RequestContext, q: QueryNode): XmlObject {
  const rt = findRouteTable(ctx, qRequired(q, "TransitGatewayRouteTableId"));
  const cidr = qRequired(q, "DestinationCidrBlock");
  const route = effectiveRoutes(ctx, rt).find((r) => r.destinationCidrBlock === cidr && r.type === "static");
  if (!route) throw awsError("InvalidRoute.NotFound", `No route with destination-cidr-block ${cidr} in ${rt.id}.`);
  rt.staticRoutes = rt.staticRoutes.filter((r) => r.destinationCidrBlock !== cidr);
  return { route: { ...routeXml(route), state: "deleted" } };
}

export function searchTransitGatewayRoutes(ctx: RequestContext, q: QueryNode): XmlObject {
  const rt = findRouteTable(ctx, qRequired(q, "TransitGatewayRouteTableId"));
  const filters = qFilters(q);
  if (filters.length === 0) throw awsError("MissingParameter", "The request must contain the parameter Filters");
  const matched = applyFilters(effectiveRoutes(ctx, rt), filters, {
    type: (r) => [r.type],
    state: (r) => [r.state],
    "route-search.exact-match": (r) => [r.destinationCidrBlock],
    "attachment.transit-gateway-attachment-id": (r) => [r.attachment?.id],
    "attachment.resource-id": (r) => [r.attachment?.resourceId],
    "attachment.resource-type": (r) => [r.attachment?.resourceType],
  });
  const { page } = paginate(matched, qInt(q, "MaxResults"), undefined);
  return { routeSet: page.map(routeXml), additionalRoutesAvailable: page.length < matched.length };
}
