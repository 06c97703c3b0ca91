import type { z } from "zod";
import { checkServiceReferences } from "./check-service-references";
import { checkTgwReferences } from "./check-tgw-references";
import type { ParsedTopology } from "./schema";
import { indexTopology, type TopologyIndex } from "./topology-index";

export type Path = (string | number)[];
export type Report = (path: Path, message: string) => void;

/** Adds one issue per reference the topology cannot resolve, at the JSON path of the referring field. */
export function checkReferences(t: ParsedTopology, ctx: z.RefinementCtx): void {
  const report: Report = (path, message) => ctx.addIssue({ code: "custom", path, message });
  const index = indexTopology(t);
  checkPeerings(t, index, report);
  checkVpcParts(t, index, report);
  checkTgwReferences(t, index, report);
  checkServiceReferences(t, index, report);
}

function checkPeerings(t: ParsedTopology, index: TopologyIndex, report: Report): void {
  const seen = new Set<string>();
  t.peerings.forEach((p, i) => {
    if (seen.has(p.id)) report(["peerings", i, "id"], `${p.id} is given twice`);
    seen.add(p.id);
    for (const field of ["requesterVpcId", "accepterVpcId"] as const) {
      if (!index.vpcs.has(p[field])) report(["peerings", i, field], `${p[field]} is not a VPC of this topology`);
    }
    if (p.requesterVpcId === p.accepterVpcId) report(["peerings", i, "accepterVpcId"], "a VPC cannot peer with itself");
  });
}

/** What DescribeRouteTables would show as the route's state, from its target. */
function derivedRouteState(
  index: TopologyIndex,
  vpcId: string,
  route: { vpcPeeringConnectionId?: string; transitGatewayId?: string },
): "active" | "blackhole" {
  if (route.vpcPeeringConnectionId) return index.peerings.get(route.vpcPeeringConnectionId)?.status === "active" ? "active" : "blackhole";
  if (route.transitGatewayId) {
    const tgw = index.transitGateways.get(route.transitGatewayId)?.item;
    const attached = tgw?.vpcAttachments.some((a) => a.vpcId === vpcId && a.state === "available");
    return attached ? "active" : "blackhole";
  }
  return "active";
}

function checkVpcParts(t: ParsedTopology, index: TopologyIndex, report: Report): void {
  t.accounts.forEach((account, a) =>
    account.vpcs.forEach((vpc, v) => {
      const at: Path = ["accounts", a, "vpcs", v];
      vpc.subnets.forEach((sn, s) => {
        if (sn.routeTableId && !vpc.routeTables.some((rt) => rt.id === sn.routeTableId)) {
          report([...at, "subnets", s, "routeTableId"], `${sn.routeTableId} is not one of this VPC's routeTables`);
        }
      });
      vpc.routeTables.forEach((rt, r) => {
        const destinations = new Set<string>();
        rt.routes.forEach((route, k) => {
          const here: Path = [...at, "routeTables", r, "routes", k];
          const pcx = route.vpcPeeringConnectionId ? index.peerings.get(route.vpcPeeringConnectionId) : undefined;
          const tgw = route.transitGatewayId ? index.transitGateways.get(route.transitGatewayId) : undefined;
          if (route.gatewayId === "local" && route.destinationCidrBlock !== vpc.cidrBlock) {
            report([...here, "destinationCidrBlock"], `the local route is for the VPC's CIDR ${vpc.cidrBlock}`);
          } else if (route.gatewayId !== "local" && (destinations.has(route.destinationCidrBlock) || route.destinationCidrBlock === vpc.cidrBlock)) {
            report([...here, "destinationCidrBlock"], `${route.destinationCidrBlock} already has a route in ${rt.id}`);
          }
          destinations.add(route.destinationCidrBlock);
          if (route.vpcPeeringConnectionId && !pcx) {
            report([...here, "vpcPeeringConnectionId"], `${route.vpcPeeringConnectionId} is not one of the topology's peerings`);
          } else if (pcx && pcx.requesterVpcId !== vpc.id && pcx.accepterVpcId !== vpc.id) {
            report([...here, "vpcPeeringConnectionId"], `${pcx.id} does not involve ${vpc.id}`);
          }
          if (route.transitGatewayId && (!tgw || tgw.region !== vpc.region)) {
            report([...here, "transitGatewayId"], `${route.transitGatewayId} is not a transit gateway of this topology in ${vpc.region}`);
          }
          const derived = derivedRouteState(index, vpc.id, route);
          if (route.state && route.state !== derived) {
            report([...here, "state"], `AWS shows this route as ${derived}: a route is active while its peering is active or its VPC's TGW attachment is available`);
          }
        });
      });
      vpc.securityGroups.forEach((sg, g) =>
        sg.ingressRules.forEach((rule, k) => {
          if (!rule.referencedGroupId) return;
          const [owner, groupId] = rule.referencedGroupId.includes("/") ? rule.referencedGroupId.split("/") : [undefined, rule.referencedGroupId];
          const ref = index.securityGroups.get(groupId ?? "");
          const here: Path = [...at, "securityGroups", g, "ingressRules", k, "referencedGroupId"];
          if (!ref) report(here, `${groupId} is not a security group of this topology`);
          else if (ref.region !== vpc.region) report(here, `${groupId} is in ${ref.region}; a rule can reference groups in its own Region only`);
          else if (owner !== undefined && owner !== ref.accountId) report(here, `${groupId} belongs to ${ref.accountId}, not ${owner}`);
          else if (owner === undefined && ref.accountId !== account.id) report(here, `${groupId} belongs to ${ref.accountId}: write ${ref.accountId}/${groupId}`);
        }),
      );
    }),
  );
}
