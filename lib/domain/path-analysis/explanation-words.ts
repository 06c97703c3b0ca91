import type { PathExplanation } from "./path-analysis-result";

/**
 * Reachability Analyzer's explanation codes in plain words, with what to change. Codes are AWS's
 * ("Reachability Analyzer explanation codes",
 * https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html); one the portal does not
 * know yet is shown as AWS wrote it.
 */
type Words = { says: string; fix: string };

const resource = (e: PathExplanation, ...roles: string[]) =>
  roles.flatMap((role) => e.resources.filter((r) => r.role === role).map((r) => r.id)).join(", ") || "the resource AWS names";

const WORDS: Record<string, (e: PathExplanation) => Words> = {
  NO_ROUTE_TO_DESTINATION: (e) => ({
    says: `Route table ${resource(e, "routeTable")} has no route to ${resource(e, "destination")}.`,
    fix: `Add a route for the other side's CIDR to ${resource(e, "routeTable")}, through the peering or the transit gateway.`,
  }),
  ENI_SG_RULES_MISMATCH: (e) =>
    e.direction === "egress"
      ? {
          says: `No outbound rule of security group ${resource(e, "securityGroups")} lets the client's traffic out to the brokers on this port.`,
          fix: `Add an outbound rule to ${resource(e, "securityGroups")} for the broker port, or allow all outbound traffic.`,
        }
      : {
          says: `No inbound rule of security group ${resource(e, "securityGroups")} admits the client on this port.`,
          fix: `Add an inbound rule to ${resource(e, "securityGroups")} for the port from the client's CIDR or security group (the portal's plan adds it: re-run the request).`,
        },
  SG_HAS_NO_RULES: (e) => ({
    says: `Security group ${resource(e, "securityGroups", "securityGroup")} has no rules.`,
    fix: "Add the inbound or outbound rule for the broker port.",
  }),
  SUBNET_ACL_RESTRICTION: (e) => ({
    says: `Network ACL ${resource(e, "acl")} ${e.direction === "egress" ? "stops the traffic leaving" : "stops the traffic entering"} subnet ${resource(e, "subnet")}${e.detail ? ` (${e.detail})` : ""}.`,
    fix: `Change network ACL ${resource(e, "acl")}: allow TCP on the broker port from the client and the return traffic on ports 1024-65535. Network ACLs are stateless.`,
  }),
  BAD_STATE: (e) => ({
    says: `${resource(e, "vpcPeeringConnection", "component")} is not in a working state${e.detail ? ` (${e.detail})` : ""}.`,
    fix: "Re-create or accept the peering connection; routes through a deleted peering are blackholes.",
  }),
  BAD_STATE_ATTACHMENT: (e) => ({
    says: `Transit gateway attachment ${resource(e, "transitGatewayAttachment")} is not available${e.detail ? ` (${e.detail})` : ""}.`,
    fix: "Accept the attachment, or re-create it, in the transit account.",
  }),
  PCX_REQUIRES_ADDRESS_IN_VPC_CIDR: (e) => ({
    says: `Peering ${resource(e, "vpcPeeringConnection")} does not lead to the destination's VPC: peering is not transitive.`,
    fix: "Point the route at the peering with the destination's VPC, or use the transit gateway.",
  }),
  TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION: (e) => ({
    says: `Transit gateway attachment ${resource(e, "transitGatewayAttachment")} is not associated with any transit gateway route table.`,
    fix: `Associate ${resource(e, "transitGatewayAttachment")} with the hub's route table for VPCs.`,
  }),
  TGW_RTB_NO_ROUTE_TO_TGW_ATTACHMENT: (e) => ({
    says: `Transit gateway route table ${resource(e, "transitGatewayRouteTable")} has no route to attachment ${resource(e, "transitGatewayAttachment")}.`,
    fix: `Turn on propagation of ${resource(e, "transitGatewayAttachment")} into ${resource(e, "transitGatewayRouteTable")}, or add a static route.`,
  }),
  TGW_RTB_CANNOT_ROUTE: (e) => ({
    says: `Transit gateway route table ${resource(e, "transitGatewayRouteTable")} has no route matching the destination address.`,
    fix: `Propagate the destination VPC's attachment into ${resource(e, "transitGatewayRouteTable")}, or add a static route.`,
  }),
  TGW_RTB_BAD_STATE_ROUTE: (e) => ({
    says: `The matching route in transit gateway route table ${resource(e, "transitGatewayRouteTable")} is a blackhole${e.detail ? ` (${e.detail})` : ""}.`,
    fix: "Remove the blackhole route or point it at the destination VPC's attachment.",
  }),
  NO_SOURCE_OR_DESTINATION: (e) => ({
    says: `${resource(e, "component")} does not exist (any more).`,
    fix: "Run the analysis again; if the brokers moved, refresh the catalog first.",
  }),
};

export function explanationWords(e: PathExplanation): Words {
  return WORDS[e.code]?.(e) ?? { says: `AWS explains: ${e.code}.`, fix: "See the Reachability Analyzer explanation codes for this code." };
}

/** Every code the portal puts in plain words: for tests that keep the list and the sandbox in step. */
export const WORDED_CODES = Object.keys(WORDS);
