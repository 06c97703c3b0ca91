import { cidrContains, cidrOf, cidrsOverlap } from "../cidr";
import type { TgwRouteFacts, TransitHub } from "./facts";
import { addFinding } from "./draft";
import { AWS_RULES } from "./rules";
import type { PlanContext } from "./context";
import { liveAttachment } from "./tgw-hub";

const list = (cidrs: readonly string[]) => cidrs.join(", ");

/** The route a packet to `cidr` follows: the longest prefix that covers all of it. */
function routeFor(routes: readonly TgwRouteFacts[], cidr: string): TgwRouteFacts | undefined {
  return routes
    .filter((r) => cidrContains(r.destinationCidr, cidr))
    .sort((a, b) => cidrOf(b.destinationCidr).prefix - cidrOf(a.destinationCidr).prefix)[0];
}

/**
 * Direct Connect is pre-existing infrastructure the portal checks, in both directions: AWS -> on-premises
 * is the association's allowed prefixes (only those are advertised over the transit VIF); on-premises ->
 * AWS is what on-premises advertises, which reaches the TGW as routes propagated from the DX gateway
 * attachment, and must be in the table the cluster's attachment is associated with for replies to leave.
 */
export function checkDirectConnect(ctx: PlanContext, hub: TransitHub, onPremCidrs: readonly string[]): void {
  const { cluster, draft } = ctx;
  const dx = hub.dxGatewayAssociation;
  if (!dx || dx.state !== "associated") {
    addFinding(draft, {
      severity: "block",
      code: "dx-association-missing",
      message: dx
        ? `The Direct Connect gateway ${dx.dxGatewayId} is ${dx.state} with ${hub.transitGatewayId}, not associated`
        : `Account ${hub.dxGatewayOwnerAccountId} owns no Direct Connect gateway associated with ${hub.transitGatewayId}`,
      remedy: dx
        ? "The network team finishes the DX gateway association with the transit gateway; the portal does not build it"
        : "The network team associates the DX gateway with the transit gateway over a transit VIF; if the gateway belongs to another account, name that account as the Direct Connect gateway owner in the platform settings",
      rule: AWS_RULES.dxAssociation,
    });
    return;
  }

  // Only the brokers' addresses must be advertised: a narrower allowed prefix than the VPC CIDR still works.
  const brokerCidrs = [...new Set(cluster.brokerSubnets.map((s) => s.cidr))];
  const unadvertised = brokerCidrs.filter((c) => !dx.allowedPrefixes.some((p) => cidrContains(p, c)));
  if (unadvertised.length > 0) {
    addFinding(draft, {
      severity: "block",
      code: "dx-prefix-not-advertised",
      message: `The broker subnets ${list(unadvertised)} of ${cluster.vpcId} are outside the allowed prefixes of ${dx.dxGatewayId}'s association with ${hub.transitGatewayId} (${dx.allowedPrefixes.length > 0 ? list(dx.allowedPrefixes) : "none"}), so AWS does not advertise them to on-premises`,
      remedy: `The network team adds ${list(cluster.cidrs)} (or a prefix covering ${list(unadvertised)}) to the association's allowed prefixes in account ${hub.dxGatewayOwnerAccountId} (UpdateDirectConnectGatewayAssociation)`,
      rule: AWS_RULES.dxAllowedPrefixes,
    });
  }

  const table = liveAttachment(cluster, hub)?.associatedRouteTableId ?? hub.routeTables.sharedServices;
  const routes = hub.routes[table];
  // A table outside the hub's is an association the plan already refuses (tgw-association-elsewhere).
  if (!routes) return;
  // A CIDR overlapping the cluster VPC is refused on its own (cidr-overlap); no route would fix it.
  const unrouted = onPremCidrs
    .filter((c) => !cluster.cidrs.some((v) => cidrsOverlap(v, c)))
    .filter((c) => routeFor(routes, c)?.state !== "active");
  if (unrouted.length > 0) {
    addFinding(draft, {
      severity: "block",
      code: "dx-on-prem-route-missing",
      message: `${table}, the transit gateway route table the cluster VPC's attachment is associated with, has no active route covering ${list(unrouted)}, so replies from the brokers cannot reach on-premises`,
      remedy: `The network team advertises ${list(unrouted)} from on-premises over the transit VIF and propagates the DX gateway attachment into ${table}, or adds a static route to the DX gateway attachment there`,
      rule: AWS_RULES.dxOnPremRoutes,
    });
  }
}
