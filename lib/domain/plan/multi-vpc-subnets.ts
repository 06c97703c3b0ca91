import type { ClientFacts, ClusterFacts, SubnetFacts } from "./facts";
import { addFinding, type PlanDraft } from "./draft";
import { AWS_RULES } from "./rules";

/** The cluster's zone ids in broker order, each once. */
export function clusterZoneIds(cluster: ClusterFacts): string[] {
  return [...new Set(cluster.brokerSubnets.map((s) => s.azId))];
}

/**
 * The VPC connection's client subnets: one per zone id the brokers use, the first of the client's subnets in
 * that zone. MSK builds interface endpoints, which take one subnet per Availability Zone and only zones of the
 * cluster, so the client VPC's other subnets are never passed; their clients reach the endpoints across zones.
 */
export function connectionSubnets(client: ClientFacts, cluster: ClusterFacts): SubnetFacts[] {
  return clusterZoneIds(cluster).flatMap((zone) => {
    // The endpoints' addresses are IPv4, so an IPv6-only subnet cannot hold one (the safer reading: MSK
    // documents no IPv6 for VPC connections).
    const first = client.subnets.find((s) => s.azId === zone && s.ipv6Only !== true);
    return first ? [first] : [];
  });
}

/**
 * AWS does not say (in what is documented) whether a connection may cover fewer of the cluster's zones than
 * it has. The portal asks for at least two zones, as MSK asks of its own brokers, so one zone's outage does not
 * cut the client off, and warns when some zones have no endpoint.
 */
export function checkConnectionZones(draft: PlanDraft, client: ClientFacts, cluster: ClusterFacts): void {
  const zones = clusterZoneIds(cluster);
  const covered = new Set(connectionSubnets(client, cluster).map((s) => s.azId));
  const missing = zones.filter((z) => !covered.has(z));
  const needed = Math.min(2, zones.length);
  if (covered.size < needed) {
    addFinding(draft, {
      severity: "block",
      code: "multi-vpc-zone-coverage",
      message: `${client.vpcId} has subnets in ${covered.size} of the cluster's zones (${zones.join(", ")}); a VPC connection needs one subnet in each of at least ${needed}`,
      remedy: `Create subnets in ${client.vpcId} in ${missing.join(", ")} (zone IDs, not names, match across accounts), or name them in the request`,
      rule: AWS_RULES.mvpcZones,
    });
  } else if (missing.length > 0) {
    addFinding(draft, {
      severity: "warn",
      code: "multi-vpc-zone-partial",
      message: `${client.vpcId} has no subnet in ${missing.join(", ")}, so the VPC connection has no endpoint in ${missing.length > 1 ? "those zones" : "that zone"}`,
      remedy: `Add a subnet in ${missing.join(", ")} to ${client.vpcId} for an endpoint in every zone of the cluster`,
      rule: AWS_RULES.mvpcZones,
    });
  }
  const outside = client.subnets.filter((s) => !zones.includes(s.azId));
  if (outside.length > 0) {
    addFinding(draft, {
      severity: "info",
      code: "multi-vpc-zone-mismatch",
      message: `${outside.map((s) => `${s.subnetId} (${s.azId})`).join(", ")} ${outside.length > 1 ? "are" : "is"} in zones the cluster does not use; the connection's endpoints are in ${[...covered].join(", ") || "none"} and reach ${outside.length > 1 ? "them" : "it"} across zones`,
      remedy: "Nothing to do; cross-zone traffic is billed by AWS",
      rule: AWS_RULES.mvpcZones,
    });
  }
}
