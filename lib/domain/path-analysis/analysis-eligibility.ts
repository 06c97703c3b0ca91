import type { ConnectionMethod } from "../plan/plan-types";
import type { ClientLocation } from "../request-input";
import type { Scenario } from "../scenario";

/** Platform setting: which requests the portal proves with a path analysis before they become Active. */
export const PATH_ANALYSIS_SETTINGS = ["all", "same-account", "off"] as const;
export type PathAnalysisSetting = (typeof PATH_ANALYSIS_SETTINGS)[number];

export type AnalysisPlan =
  | {
      possible: true;
      /** Where the analysis runs: the cluster's account, which must be a delegated administrator across accounts. */
      caller: { accountId: string; region: string };
      /** Where the portal puts the temporary source network interface: the client's account and VPC. */
      client: { accountId: string; region: string; vpcId: string; subnetIds: string[] | undefined; securityGroupIds: string[] };
      crossAccount: boolean;
      /** Member accounts the path may cross besides the caller's (StartNetworkInsightsAnalysis AdditionalAccounts). */
      additionalAccounts: string[];
    }
  | { possible: false; reason: string };

type Facts = {
  scenario: Scenario;
  method: ConnectionMethod;
  client: ClientLocation;
  cluster: { accountId: string; region: string };
  transitAccountId: string | null;
  setting: PathAnalysisSetting;
  /** The Organization's management account (from its ARN in the platform settings), when known. */
  managementAccountId?: string | null;
};

/** An Organization ARN names its management account: arn:aws:organizations::<account>:organization/o-…. */
export function managementAccountOf(organizationArn: string): string | null {
  return /^arn:aws[a-z-]*:organizations::(\d{12}):organization\//.exec(organizationArn)?.[1] ?? null;
}

/**
 * Whether AWS can prove this request's path, and from where. Reachability Analyzer analyses a source and a
 * destination in one Region, in one VPC or VPCs joined by a peering or a transit gateway, and across
 * accounts only inside an Organization with its trusted access turned on, run from the management account or
 * a delegated administrator (Reachability Analyzer guide, "How Reachability Analyzer works", "Cross-account
 * analyses"). https://docs.aws.amazon.com/vpc/latest/reachability/how-reachability-analyzer-works.html
 */
export function analysisPlan(f: Facts): AnalysisPlan {
  if (f.setting === "off") return { possible: false, reason: "Path analysis is turned off in the platform settings." };
  if (f.client.type === "on-prem") {
    return { possible: false, reason: "The client is on-premises: Reachability Analyzer analyses paths inside AWS only. Run the client check from the client host." };
  }
  if (f.client.type === "saas") {
    return { possible: false, reason: "The client is in a SaaS provider's account, which the portal has no access to. Ask the provider to run the client check." };
  }
  if (f.client.region !== f.cluster.region) {
    return {
      possible: false,
      reason: `The client is in ${f.client.region} and the cluster in ${f.cluster.region}: Reachability Analyzer analyses paths within one Region. Run the client check from the client host.`,
    };
  }
  if (f.method === "multi-vpc-private-connectivity") {
    return {
      possible: false,
      reason: "With MSK multi-VPC connectivity the client reaches the brokers through endpoints MSK manages in the client's VPC; run the client check from the client host.",
    };
  }
  const crossAccount = f.client.accountId !== f.cluster.accountId;
  if (crossAccount && f.setting !== "all") {
    return {
      possible: false,
      reason:
        "The client is in another account: analysing across accounts needs Reachability Analyzer's trusted access in AWS Organizations with the cluster's account as a delegated administrator; the platform settings analyse same-account requests only.",
    };
  }
  const reaches = [f.client.accountId, ...(f.method === "transit-gateway" && f.transitAccountId ? [f.transitAccountId] : [])];
  if (crossAccount && f.managementAccountId && f.cluster.accountId !== f.managementAccountId && reaches.includes(f.managementAccountId)) {
    return {
      possible: false,
      reason: `The path crosses the Organization's management account (${f.managementAccountId}), whose resources a delegated administrator cannot analyse; run the client check from the client host.`,
    };
  }
  const additional = new Set([f.client.accountId, ...(f.method === "transit-gateway" && f.transitAccountId ? [f.transitAccountId] : [])]);
  additional.delete(f.cluster.accountId);
  return {
    possible: true,
    caller: { accountId: f.cluster.accountId, region: f.cluster.region },
    client: {
      accountId: f.client.accountId,
      region: f.client.region,
      vpcId: f.client.vpcId,
      subnetIds: f.client.subnetIds,
      securityGroupIds: f.client.securityGroupIds,
    },
    crossAccount,
    additionalAccounts: [...additional].sort(),
  };
}
