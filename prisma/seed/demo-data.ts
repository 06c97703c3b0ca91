import type { Role } from "@/lib/domain/roles";

// Demo data that matches the local sandbox AWS's default topology (lib/sandbox/topology), so a fresh
// `npm run dev` can file and provision every scenario.

export const DEMO_TEAMS = [
  { slug: "payments", name: "Payments" },
  { slug: "analytics", name: "Analytics" },
  // The platform's network engineers: the demo's production policy needs one approval from them.
  { slug: "platform-network", name: "Platform network" },
] as const;

export const DEMO_USERS: { email: string; name: string; roles: Role[]; teams: string[] }[] = [
  { email: "alice@example.com", name: "Alice Requester", roles: ["requester"], teams: ["payments"] },
  { email: "carol@example.com", name: "Carol Requester", roles: ["requester"], teams: ["analytics"] },
  { email: "bob@example.com", name: "Bob Approver", roles: ["approver"], teams: ["platform-network"] },
  { email: "dana@example.com", name: "Dana Auditor", roles: ["auditor"], teams: [] },
  { email: "erin@example.com", name: "Erin Admin", roles: ["admin"], teams: ["payments"] },
];

const ROLE_NAME = "MskConnectivityPortal";
const EXTERNAL_ID = "msk-portal-dev";

export const DEMO_ACCOUNTS = [
  { id: "111111111111", name: "platform-msk", kind: "CLUSTER_OWNER", regions: ["us-east-1", "us-west-2"] },
  { id: "222222222222", name: "payments-apps", kind: "APPLICATION", regions: ["us-east-1", "eu-west-1"] },
  { id: "333333333333", name: "network-transit", kind: "TRANSIT", regions: ["us-east-1"] },
  { id: "444444444444", name: "streamco-saas", kind: "SAAS_PROVIDER", regions: ["us-east-1"] },
].map((a) => ({ ...a, roleArn: `arn:aws:iam::${a.id}:role/${ROLE_NAME}`, externalId: EXTERNAL_ID })) as {
  id: string;
  name: string;
  kind: "CLUSTER_OWNER" | "APPLICATION" | "TRANSIT" | "SAAS_PROVIDER";
  regions: string[];
  roleArn: string;
  externalId: string;
}[];

/**
 * Which teams file for clients in which accounts: payments in its own account and, like analytics, in the
 * platform account's shared VPCs; nobody in the transit or SaaS accounts.
 */
export const DEMO_ACCOUNT_TEAMS: { accountId: string; teams: string[] }[] = [
  { accountId: "111111111111", teams: ["payments", "analytics"] },
  { accountId: "222222222222", teams: ["payments"] },
];

const BROKER_SUBNETS = [
  { subnetId: "subnet-0aaa0000000000001", zoneId: "use1-az1", routeTableId: "rtb-0aaa0000000000001" },
  { subnetId: "subnet-0aaa0000000000002", zoneId: "use1-az2", routeTableId: "rtb-0aaa0000000000002" },
  { subnetId: "subnet-0aaa0000000000003", zoneId: "use1-az4", routeTableId: "rtb-0aaa0000000000003" },
];

export const DEMO_CLUSTERS = [
  {
    arn: "arn:aws:kafka:us-east-1:111111111111:cluster/orders-prod/7d0c7a4e-1b2c-4d3e-9f40-000000000001-1",
    name: "orders-prod",
    accountId: "111111111111",
    region: "us-east-1",
    vpcId: "vpc-0aaa0000000000001",
    kafkaVersion: "3.6.0",
    authModes: ["iam", "scram", "tls"],
    state: "ACTIVE",
    facts: {
      vpcCidrs: ["10.0.0.0/16"],
      brokerSubnets: BROKER_SUBNETS,
      securityGroupIds: ["sg-0aaa0000000000001"],
      encryptionInTransit: "TLS",
      source: "seed",
    },
  },
  {
    arn: "arn:aws:kafka:us-east-1:111111111111:cluster/analytics-dev/7d0c7a4e-1b2c-4d3e-9f40-000000000002-2",
    name: "analytics-dev",
    accountId: "111111111111",
    region: "us-east-1",
    vpcId: "vpc-0aaa0000000000001",
    kafkaVersion: "3.6.0",
    authModes: ["plaintext", "iam"],
    state: "ACTIVE",
    facts: {
      vpcCidrs: ["10.0.0.0/16"],
      brokerSubnets: BROKER_SUBNETS,
      securityGroupIds: ["sg-0aaa0000000000001"],
      encryptionInTransit: "TLS_PLAINTEXT",
      source: "seed",
    },
  },
];

export const DEMO_PLATFORM_SETTINGS = {
  crossAccountVpcVia: "peering",
  // The sandbox's Organization has Reachability Analyzer's trusted access on, with platform-msk (the cluster
  // owner) as a delegated administrator: paths from other accounts are proven too.
  pathAnalysis: "all",
  organization: {
    arn: "arn:aws:organizations::111111111111:organization/o-portal0001",
    accountIds: ["111111111111", "222222222222", "333333333333"],
    ramSharingEnabled: true,
  },
  transitHubs: [
    {
      accountId: "333333333333",
      region: "us-east-1",
      transitGatewayId: "tgw-0ccc0000000000001",
      // The DX gateway's attachment is associated with the on-prem table and propagates the on-prem prefixes
      // into the VPC table; VPC attachments do the reverse.
      routeTables: { sharedServices: "tgw-rtb-0ccc0000000000002", spokes: "tgw-rtb-0ccc0000000000002", onPrem: "tgw-rtb-0ccc0000000000001" },
    },
  ],
};

/**
 * The demo's approval policies, asked in this order before the default one (one approval, made by its
 * migration). Team references are slugs here; the seed stores the teams' ids.
 */
export const DEMO_POLICIES = [
  {
    name: "Production needs two approvals, one from platform-network",
    match: { environments: ["prod"] },
    outcome: { kind: "approvals", count: 2, fromTeamSlug: "platform-network", fromClusterOwner: false },
  },
  {
    name: "Dev same-VPC requests on analytics-dev are approved automatically",
    match: { environments: ["dev"], scenarios: ["same-vpc"], clusterArns: [DEMO_CLUSTERS[1]?.arn ?? ""] },
    outcome: { kind: "auto-approve" },
  },
] as const;
