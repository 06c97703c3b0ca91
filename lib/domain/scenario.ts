import type { ClientLocation } from "./request-input";

export const SCENARIOS = ["same-vpc", "cross-vpc", "cross-region", "cross-account", "on-prem", "saas"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export type ClusterLocation = { accountId: string; region: string; vpcId: string };

export function classifyScenario(client: ClientLocation, cluster: ClusterLocation): Scenario {
  switch (client.type) {
    case "on-prem":
      return "on-prem";
    case "saas":
      return "saas";
    case "aws-vpc":
      // Account first: another account is cross-account whatever its region, since acceptance and
      // SG references then need the other account's role.
      if (client.accountId !== cluster.accountId) return "cross-account";
      if (client.region !== cluster.region) return "cross-region";
      return client.vpcId === cluster.vpcId ? "same-vpc" : "cross-vpc";
  }
}

export const SCENARIO_LABELS: Record<Scenario, { title: string; summary: string }> = {
  "same-vpc": {
    title: "Same VPC",
    summary: "Same VPC as the cluster — one security group rule, no routing",
  },
  "cross-vpc": {
    title: "Other VPC, same account and region",
    summary: "Other VPC, same account and region — VPC peering",
  },
  "cross-region": {
    title: "Same account, other region",
    summary: "Same account, other region — inter-region VPC peering, rules by CIDR",
  },
  "cross-account": {
    title: "Other AWS account",
    summary: "Other AWS account — VPC peering accepted in the client's account (or the TGW hub)",
  },
  "on-prem": {
    title: "On-premises",
    summary: "On-premises network — Direct Connect through the transit gateway",
  },
  saas: {
    title: "SaaS provider",
    summary: "SaaS provider's network — MSK multi-VPC private connectivity (PrivateLink)",
  },
};
