import type { AuthMode, ClientLocation } from "../request-input";
import type { ClientFacts, ClusterFacts, PlanInput, PlatformSettings, TransitHub } from "./facts";

/** Facts shared by the planner's tests: one cluster, one client VPC, one hub; tests change what they need. */

export const MSK_ACCOUNT = "111111111111";
export const APP_ACCOUNT = "222222222222";
export const SAAS_ACCOUNT = "333333333333";
export const TRANSIT_ACCOUNT = "999999999999";
export const CLUSTER_ARN = "arn:aws:kafka:us-east-1:111111111111:cluster/orders/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5";

export function cluster(overrides: Partial<ClusterFacts> = {}): ClusterFacts {
  return {
    arn: CLUSTER_ARN,
    name: "orders",
    accountId: MSK_ACCOUNT,
    region: "us-east-1",
    vpcId: "vpc-0aaa0001",
    cidrs: ["10.10.0.0/16"],
    dnsHostnames: true,
    dnsSupport: true,
    currentVersion: "K3AEGXETSR30VB",
    kafkaVersion: "3.6.0",
    instanceType: "kafka.m5.large",
    brokerSubnets: [
      { subnetId: "subnet-0aaa0011", azId: "use1-az1", routeTableId: "rtb-0aaa0101", cidr: "10.10.1.0/24" },
      { subnetId: "subnet-0aaa0012", azId: "use1-az2", routeTableId: "rtb-0aaa0102", cidr: "10.10.2.0/24" },
      { subnetId: "subnet-0aaa0013", azId: "use1-az4", routeTableId: "rtb-0aaa0102", cidr: "10.10.3.0/24" },
    ],
    routeTables: [
      { routeTableId: "rtb-0aaa0101", routes: [{ destinationCidr: "10.10.0.0/16", target: "local" }] },
      { routeTableId: "rtb-0aaa0102", routes: [{ destinationCidr: "10.10.0.0/16", target: "local" }] },
    ],
    securityGroups: [
      {
        groupId: "sg-0aaa0a01",
        ingress: [{ protocol: "-1", fromPort: -1, toPort: -1, source: { kind: "sg", groupId: "sg-0aaa0a01" } }],
      },
    ],
    enabledAuthModes: ["iam", "scram", "tls"],
    unauthenticatedAccess: false,
    allowEveryoneIfNoAclFound: false,
    encryptionInTransit: "TLS",
    multiVpc: { iam: false, scram: false, tls: false },
    bootstrap: {
      BootstrapBrokerStringTls: "b-1.orders.abc.c5.kafka.us-east-1.amazonaws.com:9094,b-2.orders.abc.c5.kafka.us-east-1.amazonaws.com:9094",
      BootstrapBrokerStringSaslScram: "b-1.orders.abc.c5.kafka.us-east-1.amazonaws.com:9096,b-2.orders.abc.c5.kafka.us-east-1.amazonaws.com:9096",
      BootstrapBrokerStringSaslIam: "b-1.orders.abc.c5.kafka.us-east-1.amazonaws.com:9098,b-2.orders.abc.c5.kafka.us-east-1.amazonaws.com:9098",
    },
    clusterPolicy: null,
    peerings: [],
    tgwAttachments: [],
    outstandingPeeringRequests: 0,
    ...overrides,
  };
}

export function client(overrides: Partial<ClientFacts> = {}): ClientFacts {
  return {
    accountId: MSK_ACCOUNT,
    region: "us-east-1",
    vpcId: "vpc-0bbb0001",
    cidrs: ["10.20.0.0/16"],
    dnsHostnames: true,
    dnsSupport: true,
    subnets: [
      { subnetId: "subnet-0bbb0011", azId: "use1-az1", routeTableId: "rtb-0bbb0101", cidr: "10.20.1.0/24" },
      { subnetId: "subnet-0bbb0012", azId: "use1-az2", routeTableId: "rtb-0bbb0101", cidr: "10.20.2.0/24" },
    ],
    securityGroupIds: ["sg-0bbb0b01"],
    routeTables: [{ routeTableId: "rtb-0bbb0101", routes: [{ destinationCidr: "10.20.0.0/16", target: "local" }] }],
    peerings: [],
    tgwAttachments: [],
    outstandingPeeringRequests: 0,
    ...overrides,
  };
}

export function hub(overrides: Partial<TransitHub> = {}): TransitHub {
  return {
    accountId: TRANSIT_ACCOUNT,
    region: "us-east-1",
    transitGatewayId: "tgw-0ccc0001",
    transitGatewayArn: "arn:aws:ec2:us-east-1:999999999999:transit-gateway/tgw-0ccc0001",
    autoAcceptSharedAttachments: false,
    securityGroupReferencingSupport: false,
    routeTables: { sharedServices: "tgw-rtb-0ccc0001", spokes: "tgw-rtb-0ccc0002", onPrem: "tgw-rtb-0ccc0003" },
    defaultRouteTables: { association: null, propagation: null },
    dxGatewayAssociation: { dxGatewayId: "dxgw-1", associationId: "dxgw-assoc-1", state: "associated", allowedPrefixes: ["10.0.0.0/8"] },
    dxGatewayOwnerAccountId: TRANSIT_ACCOUNT,
    // What on-premises advertises, propagated by the DX attachment into the VPC attachments' table.
    routes: {
      "tgw-rtb-0ccc0001": [
        { destinationCidr: "192.168.0.0/16", type: "propagated", state: "active", attachmentId: "tgw-attach-0dx00001" },
        { destinationCidr: "172.16.0.0/12", type: "propagated", state: "active", attachmentId: "tgw-attach-0dx00001" },
      ],
      "tgw-rtb-0ccc0002": [],
      "tgw-rtb-0ccc0003": [],
    },
    share: null,
    ...overrides,
  };
}

export function platform(overrides: Partial<PlatformSettings> = {}): PlatformSettings {
  return {
    tagKeys: { requestId: "msk-portal:request-id", stepKey: "msk-portal:step" },
    crossAccountVpcVia: "peering",
    organization: {
      arn: "arn:aws:organizations::999999999999:organization/o-abc123",
      accountIds: [MSK_ACCOUNT, APP_ACCOUNT, TRANSIT_ACCOUNT],
      ramSharingEnabled: true,
    },
    transitHubs: [hub()],
    ...overrides,
  };
}

export function vpcLocation(c: ClientFacts): ClientLocation {
  return { type: "aws-vpc", accountId: c.accountId, region: c.region, vpcId: c.vpcId, securityGroupIds: c.securityGroupIds };
}

/** A VPC client request; `clientFacts` decides the scenario through its account, region and VPC. */
export function vpcInput(args: {
  clientFacts?: ClientFacts;
  clusterFacts?: ClusterFacts;
  platformSettings?: PlatformSettings;
  authModes?: AuthMode[];
  preferredMethod?: "multi-vpc-private-connectivity";
}): PlanInput {
  const c = args.clientFacts ?? client();
  return {
    request: {
      id: "req-1",
      client: vpcLocation(c),
      authModes: args.authModes ?? ["iam"],
      ...(args.preferredMethod ? { preferredMethod: args.preferredMethod } : {}),
    },
    cluster: args.clusterFacts ?? cluster(),
    client: c,
    platform: args.platformSettings ?? platform(),
  };
}

export function onPremInput(args: { cidrs?: string[]; clusterFacts?: ClusterFacts; platformSettings?: PlatformSettings; authModes?: AuthMode[] } = {}): PlanInput {
  return {
    request: { id: "req-1", client: { type: "on-prem", cidrs: args.cidrs ?? ["192.168.0.0/16"] }, authModes: args.authModes ?? ["iam"] },
    cluster: args.clusterFacts ?? cluster(),
    client: null,
    platform: args.platformSettings ?? platform(),
  };
}

export function saasInput(args: { clusterFacts?: ClusterFacts; authModes?: AuthMode[] } = {}): PlanInput {
  return {
    request: {
      id: "req-1",
      client: { type: "saas", accountId: SAAS_ACCOUNT, providerName: "Acme Stream" },
      authModes: args.authModes ?? ["iam"],
    },
    cluster: args.clusterFacts ?? cluster(),
    client: null,
    platform: platform(),
  };
}

export const MULTI_VPC_BOOTSTRAP = {
  BootstrapBrokerStringVpcConnectivitySaslIam:
    "b-1-vpce.orders.abc.c5.kafka.us-east-1.amazonaws.com:14001,b-2-vpce.orders.abc.c5.kafka.us-east-1.amazonaws.com:14002,b-3-vpce.orders.abc.c5.kafka.us-east-1.amazonaws.com:14003",
};
