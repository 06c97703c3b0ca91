import {
  DescribeTransitGatewayRouteTablesCommand,
  DescribeTransitGatewaysCommand,
  type TransitGateway,
  type TransitGatewayRouteTable,
} from "@aws-sdk/client-ec2";
import type { TransitHub } from "@/lib/domain/plan/facts";
import type { AwsAccess } from "../aws-access";
import { collectPages } from "../collect-pages";
import { DiscoveryFieldError, type FieldIssue } from "./discovery-field-error";
import { discoverDxGatewayAssociation } from "./dx-gateway-association";
import { filter } from "./ec2-describe";
import { discoverTgwRoutes } from "./tgw-route-table-routes";
import { discoverTgwShare } from "./transit-hub-share";

export type TransitHubInput = {
  accountId: string;
  region: string;
  transitGatewayId: string;
  routeTables: TransitHub["routeTables"];
  /** Where the DX gateway <-> TGW association is read; the transit account when unset. */
  dxGatewayOwnerAccountId?: string;
};

/** A default table counts only while its option is enable: AWS keeps the id in Options when it is turned off. */
function defaultRouteTablesOf(tgw: TransitGateway): TransitHub["defaultRouteTables"] {
  const o = tgw.Options;
  return {
    association: o?.DefaultRouteTableAssociation === "enable" ? (o.AssociationDefaultRouteTableId ?? null) : null,
    propagation: o?.DefaultRouteTablePropagation === "enable" ? (o.PropagationDefaultRouteTableId ?? null) : null,
  };
}

/** The platform's TGW hub as its owner (the transit account) sees it. */
export async function discoverTransitHub(access: AwsAccess, input: TransitHubInput): Promise<TransitHub> {
  const { accountId, region, transitGatewayId } = input;
  const ec2 = access.ec2(accountId, region);
  const [gateways, tables] = await Promise.all([
    collectPages(
      (NextToken) =>
        ec2.send(
          new DescribeTransitGatewaysCommand({
            Filters: [filter("transit-gateway-id", [transitGatewayId])],
            MaxResults: access.pageSize,
            NextToken,
          }),
        ),
      (p): TransitGateway[] | undefined => p.TransitGateways,
      (p) => p.NextToken,
    ),
    collectPages(
      (NextToken) =>
        ec2.send(
          new DescribeTransitGatewayRouteTablesCommand({
            Filters: [filter("transit-gateway-id", [transitGatewayId])],
            MaxResults: access.pageSize,
            NextToken,
          }),
        ),
      (p): TransitGatewayRouteTable[] | undefined => p.TransitGatewayRouteTables,
      (p) => p.NextToken,
    ),
  ]);
  // Owned by this account: a TGW merely shared with it cannot be the hub the portal manages.
  const tgw = gateways.find((g) => g.OwnerId === accountId);
  if (!tgw?.TransitGatewayArn) {
    throw new DiscoveryFieldError([
      { field: "transitGatewayId", message: `${transitGatewayId} is not a transit gateway owned by ${accountId} in ${region}` },
    ]);
  }
  const tableIds = tables.map((t) => t.TransitGatewayRouteTableId).filter((id): id is string => Boolean(id));
  const issues: FieldIssue[] = [];
  for (const [role, id] of Object.entries(input.routeTables)) {
    if (!tableIds.includes(id)) {
      issues.push({ field: `routeTables.${role}`, message: `${id} is not a route table of ${transitGatewayId}` });
    }
  }
  if (issues.length > 0) throw new DiscoveryFieldError(issues);

  const dxGatewayOwnerAccountId = input.dxGatewayOwnerAccountId ?? accountId;
  const [dxGatewayAssociation, routes, share] = await Promise.all([
    discoverDxGatewayAssociation(access, { ownerAccountId: dxGatewayOwnerAccountId, region, transitGatewayId }),
    discoverTgwRoutes(ec2, Object.values(input.routeTables)),
    discoverTgwShare(access, { accountId, region, transitGatewayArn: tgw.TransitGatewayArn }),
  ]);
  return {
    accountId,
    region,
    transitGatewayId,
    transitGatewayArn: tgw.TransitGatewayArn,
    autoAcceptSharedAttachments: tgw.Options?.AutoAcceptSharedAttachments === "enable",
    securityGroupReferencingSupport: tgw.Options?.SecurityGroupReferencingSupport === "enable",
    routeTables: { ...input.routeTables },
    defaultRouteTables: defaultRouteTablesOf(tgw),
    dxGatewayAssociation,
    dxGatewayOwnerAccountId,
    routes,
    share,
  };
}
