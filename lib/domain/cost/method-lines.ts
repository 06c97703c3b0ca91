import type { ConnectionMethod } from "../plan/plan-types";
import type { CostFacts } from "./cost-facts";
import { costLine } from "./cost-line";
import { HOURS_PER_MONTH, type CostLine } from "./cost-types";
import { priceFor } from "./price-lookup";

export type MethodLines = { lines: CostLine[]; notes: string[] };

/**
 * What one method adds for these facts. `planned` says whether the facts' new attachments and connections are
 * this method's own (read from its steps) or must be assumed for a method the plan did not choose.
 */
export function methodLines(method: ConnectionMethod, facts: CostFacts, gb: number | null, planned: boolean): MethodLines {
  if (method === "security-group-only") {
    return { lines: [], notes: ["Nothing is added: the client shares the cluster's VPC, and a security group rule costs nothing."] };
  }
  if (method === "vpc-peering") return peeringLines(facts, gb);
  if (method === "transit-gateway") return tgwLines(facts, gb, planned);
  return multiVpcLines(facts, gb, planned);
}

function peeringLines(facts: CostFacts, gb: number | null): MethodLines {
  const { clusterRegion, clientRegion } = facts;
  const notes = ["A peering connection has no hourly charge; only the traffic over it is billed."];
  if (clientRegion && clientRegion !== clusterRegion) {
    const a = priceFor("inter-region-transfer-gb", clusterRegion);
    const b = priceFor("inter-region-transfer-gb", clientRegion);
    // Charged where the data leaves; without the split between produce and consume, price at the dearer side.
    const dearer = a.usd === null ? a : b.usd === null ? b : a.usd >= b.usd ? a : b;
    notes.push("Inter-Region traffic is charged in the Region it leaves; the estimate uses the dearer of the two Regions for all of it.");
    return { lines: [costLine(`Inter-Region transfer ${clusterRegion} ↔ ${clientRegion}`, dearer === a ? clusterRegion : clientRegion, "GB", gb, dearer)], notes };
  }
  const crossAz = priceFor("cross-az-transfer-gb", clusterRegion);
  notes.push("Upper bound: it counts every GB as crossing Availability Zones; traffic between a client and a broker in the same zone is free.");
  return {
    lines: [
      costLine("Traffic within one Availability Zone", clusterRegion, "GB", gb, priceFor("peering-same-az-gb", clusterRegion)),
      costLine("Cross-AZ transfer out (sender pays)", clusterRegion, "GB", gb, crossAz),
      costLine("Cross-AZ transfer in (receiver pays)", clusterRegion, "GB", gb, crossAz),
    ],
    notes,
  };
}

function tgwLines(facts: CostFacts, gb: number | null, planned: boolean): MethodLines {
  const region = facts.clusterRegion;
  const attachments = planned ? facts.newTgwAttachments : assumedAttachments(facts);
  const notes = planned
    ? facts.reusedTgwAttachments.map((id) => `Reuses ${id}: no new attachment charge.`)
    : ["Assumes neither VPC is attached to the hub yet; an attachment that already exists costs nothing new."];
  if (facts.scenario === "on-prem") notes.push("Direct Connect port hours and data transfer over Direct Connect belong to the existing link and are not included.");
  const lines = attachments.map((a) => costLine(`New TGW attachment for ${a.vpcId}`, a.region, "hour", HOURS_PER_MONTH, priceFor("tgw-attachment-hour", a.region)));
  lines.push(costLine("Data processed by the transit gateway", region, "GB", gb, priceFor("tgw-data-processed-gb", region)));
  return { lines, notes };
}

function assumedAttachments(facts: CostFacts): { vpcId: string; region: string }[] {
  const cluster = { vpcId: "the cluster's VPC", region: facts.clusterRegion };
  return facts.clientVpcId ? [cluster, { vpcId: facts.clientVpcId, region: facts.clientRegion ?? facts.clusterRegion }] : [cluster];
}

function multiVpcLines(facts: CostFacts, gb: number | null, planned: boolean): MethodLines {
  const region = facts.clusterRegion;
  const schemes = facts.authModes.filter((m) => m !== "plaintext");
  // A SaaS plan has no connection steps: the provider creates one per scheme from its own account.
  const connections = planned && facts.scenario !== "saas" ? facts.newVpcConnections : schemes.length;
  const notes = [`One VPC connection per authentication scheme (${schemes.join(", ") || "none"}).`];
  if (facts.scenario === "saas") notes.push("The provider creates the VPC connections from its own account; which account AWS bills for them was not confirmed.");
  return {
    lines: [
      costLine(`VPC connections (${connections})`, region, "hour", connections * HOURS_PER_MONTH, priceFor("msk-vpc-connection-hour", region)),
      costLine("Data through the VPC connections", region, "GB", gb, priceFor("msk-vpc-connection-gb", region)),
    ],
    notes,
  };
}
