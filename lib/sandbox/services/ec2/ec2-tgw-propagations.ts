import { awsError } from "../../core/aws-error";
import { applyFilters } from "../../core/filters";
import { paginate } from "../../core/pagination";
import { qFilters, qInt, qRequired, qStr, type QueryNode } from "../../protocols/query-input";
import type { XmlObject } from "../../protocols/xml";
import type { TgwAttachment, TgwRouteTable } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { propagationState } from "./ec2-tgw-defaults";

// Both calls are answered to the transit gateway's owner only, as EC2 does (EC2 API reference,
// GetTransitGatewayAttachmentPropagations / GetTransitGatewayRouteTablePropagations).
function ownedAttachment(ctx: RequestContext, id: string): TgwAttachment {
  const a = ctx.world.state.tgwAttachments[id];
  const tgw = a ? ctx.world.state.transitGateways[a.transitGatewayId] : undefined;
  if (!a || !tgw || a.state === "deleted" || tgw.accountId !== ctx.accountId || tgw.region !== ctx.region) {
    throw awsError("InvalidTransitGatewayAttachmentID.NotFound", `Transit Gateway Attachment ${id} was deleted or does not exist.`);
  }
  return a;
}

function ownedRouteTable(ctx: RequestContext, id: string): TgwRouteTable {
  const rt = ctx.world.state.tgwRouteTables[id];
  const tgw = rt ? ctx.world.state.transitGateways[rt.transitGatewayId] : undefined;
  if (!rt || !tgw || tgw.accountId !== ctx.accountId || tgw.region !== ctx.region) {
    throw awsError("InvalidRouteTableID.NotFound", `Transit Gateway Route Table ${id} was deleted or does not exist.`);
  }
  return rt;
}

export function getTransitGatewayAttachmentPropagations(ctx: RequestContext, q: QueryNode): XmlObject {
  const a = ownedAttachment(ctx, qRequired(q, "TransitGatewayAttachmentId"));
  const tables = Object.values(ctx.world.state.tgwRouteTables).filter((rt) => rt.transitGatewayId === a.transitGatewayId && rt.propagations.includes(a.id));
  const matched = applyFilters(tables, qFilters(q), { "transit-gateway-route-table-id": (rt) => [rt.id] });
  const { page, nextToken } = paginate(matched, qInt(q, "MaxResults"), qStr(q, "NextToken"));
  return {
    transitGatewayAttachmentPropagations: page.map((rt) => ({ transitGatewayRouteTableId: rt.id, state: propagationState(a) })),
    nextToken,
  };
}

export function getTransitGatewayRouteTablePropagations(ctx: RequestContext, q: QueryNode): XmlObject {
  const rt = ownedRouteTable(ctx, qRequired(q, "TransitGatewayRouteTableId"));
  const attachments = rt.propagations.map((id) => ctx.world.state.tgwAttachments[id]).filter((a): a is TgwAttachment => a !== undefined && a.state !== "deleted");
  const matched = applyFilters(attachments, qFilters(q), {
    "transit-gateway-attachment-id": (a) => [a.id],
    "resource-id": (a) => [a.resourceId],
    "resource-type": (a) => [a.resourceType],
    state: (a) => [propagationState(a)],
  });
  const { page, nextToken } = paginate(matched, qInt(q, "MaxResults"), qStr(q, "NextToken"));
  return {
    transitGatewayRouteTablePropagations: page.map((a) => ({
      transitGatewayAttachmentId: a.id,
      resourceId: a.resourceId,
      resourceType: a.resourceType,
      state: propagationState(a),
    })),
    nextToken,
  };
}
