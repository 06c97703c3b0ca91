import { describe, expect, it } from "vitest";
import type { Scenario } from "../scenario";
import type { PeeringFacts, PlanInput, RouteFacts, SgIngressRule, TgwAttachmentFacts } from "./facts";
import { planConnection } from "./plan-connection";
import { multiVpcPortRange } from "./multi-vpc-sg";
import type { ConnectionMethod, ConnectionPlan, PlanStep } from "./plan-types";
import { AWS_RULES } from "./rules";
import {
  APP_ACCOUNT,
  client,
  cluster,
  CLUSTER_ARN,
  hub,
  MSK_ACCOUNT,
  MULTI_VPC_BOOTSTRAP,
  onPremInput,
  platform,
  saasInput,
  TRANSIT_ACCOUNT,
  vpcInput,
} from "./test-fixtures";

type Case = {
  name: string;
  input: PlanInput;
  scenario: Scenario;
  method: ConnectionMethod;
  steps: string[];
  blocks?: string[];
  warns?: string[];
  infos?: string[];
  ports?: number[];
  check?: (plan: ConnectionPlan) => void;
};

function step(plan: ConnectionPlan, key: string): PlanStep {
  const found = plan.steps.find((s) => s.key === key);
  if (!found) throw new Error(`no step ${key} in ${plan.steps.map((s) => s.key).join(", ")}`);
  return found;
}

const codes = (plan: ConnectionPlan, severity: string) =>
  [...new Set(plan.preflight.filter((f) => f.severity === severity).map((f) => f.code))].sort();

const tcp = (port: number, source: SgIngressRule["source"]): SgIngressRule => ({ protocol: "tcp", fromPort: port, toPort: port, source });
const routes = (n: number, extra: Partial<RouteFacts> = {}): RouteFacts[] =>
  Array.from({ length: n }, (_, i) => ({ destinationCidr: `172.${16 + Math.floor(i / 256)}.${i % 256}.0/24`, target: "tgw-0fff0001", ...extra }));
const activePeerings = (n: number, vpcId: string): PeeringFacts[] =>
  Array.from({ length: n }, (_, i) => ({
    peeringId: `pcx-${String(i).padStart(8, "0")}`,
    status: "active",
    requester: { accountId: MSK_ACCOUNT, region: "us-east-1", vpcId, allowDnsResolutionFromRemoteVpc: false },
    accepter: { accountId: APP_ACCOUNT, region: "us-east-1", vpcId: `vpc-${String(i).padStart(8, "9")}`, allowDnsResolutionFromRemoteVpc: false },
  }));

const peeringBetween = (status: PeeringFacts["status"], dns = false): PeeringFacts => ({
  peeringId: "pcx-0ddd0001",
  status,
  requester: { accountId: MSK_ACCOUNT, region: "us-east-1", vpcId: "vpc-0aaa0001", allowDnsResolutionFromRemoteVpc: dns },
  accepter: { accountId: MSK_ACCOUNT, region: "us-east-1", vpcId: "vpc-0bbb0001", allowDnsResolutionFromRemoteVpc: false },
});

const sameVpcClient = client({ vpcId: "vpc-0aaa0001", cidrs: ["10.10.0.0/16"] });
const peeringSteps = [
  "create-peering",
  "accept-peering",
  "enable-peering-dns",
  "create-route:rtb-0bbb0101:10.10.0.0/16",
  "create-route:rtb-0aaa0101:10.20.0.0/16",
  "create-route:rtb-0aaa0102:10.20.0.0/16",
  "authorize-sg-ingress:sg-0aaa0a01:9098",
];
const attachmentAvailable = (over: Partial<TgwAttachmentFacts>): TgwAttachmentFacts => ({
  attachmentId: "tgw-attach-0eee0001",
  transitGatewayId: "tgw-0ccc0001",
  state: "available",
  subnetIds: ["subnet-0aaa0011", "subnet-0aaa0012", "subnet-0aaa0013"],
  azIds: ["use1-az1", "use1-az2", "use1-az4"],
  securityGroupReferencingSupport: false,
  associatedRouteTableId: "tgw-rtb-0ccc0001",
  propagatedRouteTableIds: ["tgw-rtb-0ccc0003", "tgw-rtb-0ccc0002"],
  ...over,
});
const crossAccountClient = client({ accountId: APP_ACCOUNT, vpcId: "vpc-0bbb0001" });
const tgwPlatform = platform({ crossAccountVpcVia: "transit-gateway" });
const tgwVpcSteps = [
  "share-tgw:111111111111",
  "share-tgw:222222222222",
  "attach-vpc-to-tgw:cluster",
  "accept-tgw-attachment:cluster",
  "associate-tgw-route-table:cluster",
  "enable-tgw-propagation:cluster:tgw-rtb-0ccc0002",
  "attach-vpc-to-tgw:client",
  "accept-tgw-attachment:client",
  "associate-tgw-route-table:client",
  "enable-tgw-propagation:client:tgw-rtb-0ccc0001",
  "create-route:rtb-0bbb0101:10.10.0.0/16",
  "create-route:rtb-0aaa0101:10.20.0.0/16",
  "create-route:rtb-0aaa0102:10.20.0.0/16",
  "authorize-sg-ingress:sg-0aaa0a01:9098",
];
const dxAllowing = (allowedPrefixes: string[]) =>
  ({ dxGatewayId: "dxgw-1", associationId: "dxgw-assoc-1", state: "associated", allowedPrefixes }) as const;
const dxRoute = (destinationCidr: string) =>
  ({ destinationCidr, type: "propagated", state: "active", attachmentId: "tgw-attach-0dx00001" }) as const;
function finding(plan: ConnectionPlan, code: string) {
  const found = plan.preflight.find((f) => f.code === code);
  if (!found) throw new Error(`no finding ${code} in ${plan.preflight.map((f) => f.code).join(", ")}`);
  return found;
}
const onPremSteps = [
  "share-tgw:111111111111",
  "attach-vpc-to-tgw:cluster",
  "accept-tgw-attachment:cluster",
  "associate-tgw-route-table:cluster",
  "enable-tgw-propagation:cluster:tgw-rtb-0ccc0003",
  "create-route:rtb-0aaa0101:192.168.0.0/16",
  "create-route:rtb-0aaa0102:192.168.0.0/16",
  "authorize-sg-ingress:sg-0aaa0a01:9098",
];

const CASES: Case[] = [
  // 4.1 same VPC
  {
    name: "same VPC, IAM: one rule on the cluster SG referencing the client SG (MSK port information: 9098)",
    input: vpcInput({ clientFacts: sameVpcClient }),
    scenario: "same-vpc",
    method: "security-group-only",
    steps: ["authorize-sg-ingress:sg-0aaa0a01:9098"],
    ports: [9098],
    check: (plan) => {
      expect(step(plan, "authorize-sg-ingress:sg-0aaa0a01:9098").input).toEqual({
        GroupId: "sg-0aaa0a01",
        IpPermissions: [
          { IpProtocol: "tcp", FromPort: 9098, ToPort: 9098, UserIdGroupPairs: [{ GroupId: "sg-0bbb0b01", Description: "msk-portal req-1" }] },
        ],
        TagSpecifications: [
          {
            ResourceType: "security-group-rule",
            Tags: [
              { Key: "msk-portal:request-id", Value: "req-1" },
              { Key: "msk-portal:step", Value: "authorize-sg-ingress:sg-0aaa0a01:9098" },
            ],
          },
        ],
      });
      expect(plan.bootstrap).toContain(":9098");
    },
  },
  {
    name: "same VPC, TLS + SCRAM + IAM: exactly 9094, 9096, 9098",
    input: vpcInput({ clientFacts: sameVpcClient, authModes: ["tls", "scram", "iam"] }),
    scenario: "same-vpc",
    method: "security-group-only",
    steps: ["authorize-sg-ingress:sg-0aaa0a01:9094", "authorize-sg-ingress:sg-0aaa0a01:9096", "authorize-sg-ingress:sg-0aaa0a01:9098"],
    ports: [9094, 9096, 9098],
  },
  {
    name: "same VPC, SCRAM only: 9096",
    input: vpcInput({ clientFacts: sameVpcClient, authModes: ["scram"] }),
    scenario: "same-vpc",
    method: "security-group-only",
    steps: ["authorize-sg-ingress:sg-0aaa0a01:9096"],
    ports: [9096],
  },
  {
    name: "same VPC, plaintext enabled on the cluster: 9092",
    input: vpcInput({
      clientFacts: sameVpcClient,
      authModes: ["plaintext"],
      clusterFacts: cluster({ enabledAuthModes: ["iam", "plaintext"], encryptionInTransit: "TLS_PLAINTEXT" }),
    }),
    scenario: "same-vpc",
    method: "security-group-only",
    steps: ["authorize-sg-ingress:sg-0aaa0a01:9092"],
    ports: [9092],
  },
  {
    name: "same VPC, plaintext not enabled: blocked (MSK client authentication)",
    input: vpcInput({ clientFacts: sameVpcClient, authModes: ["plaintext"] }),
    scenario: "same-vpc",
    method: "security-group-only",
    steps: ["authorize-sg-ingress:sg-0aaa0a01:9092"],
    blocks: ["auth-mode-not-enabled"],
  },
  {
    name: "same VPC, the rule exists already: nothing to do",
    input: vpcInput({
      clientFacts: sameVpcClient,
      clusterFacts: cluster({
        securityGroups: [{ groupId: "sg-0aaa0a01", ingress: [tcp(9098, { kind: "sg", groupId: "sg-0bbb0b01" })] }],
      }),
    }),
    scenario: "same-vpc",
    method: "security-group-only",
    steps: [],
    infos: ["already-satisfied"],
  },
  {
    name: "same VPC, a port range on the cluster's second SG already admits the client",
    input: vpcInput({
      clientFacts: sameVpcClient,
      clusterFacts: cluster({
        securityGroups: [
          { groupId: "sg-0aaa0a01", ingress: [] },
          { groupId: "sg-0aaa0a02", ingress: [{ protocol: "tcp", fromPort: 9092, toPort: 9098, source: { kind: "sg", groupId: "sg-0bbb0b01" } }] },
        ],
      }),
    }),
    scenario: "same-vpc",
    method: "security-group-only",
    steps: [],
    infos: ["already-satisfied"],
  },
  {
    name: "same VPC, 60 inbound rules already: blocked (VPC quotas: 60 inbound rules per SG)",
    input: vpcInput({
      clientFacts: sameVpcClient,
      clusterFacts: cluster({
        securityGroups: [{ groupId: "sg-0aaa0a01", ingress: Array.from({ length: 60 }, (_, i) => tcp(8000 + i, { kind: "cidr", cidr: "10.99.0.0/16" })) }],
      }),
    }),
    scenario: "same-vpc",
    method: "security-group-only",
    steps: ["authorize-sg-ingress:sg-0aaa0a01:9098"],
    blocks: ["quota-inbound-rules"],
    check: (plan) => expect(plan.approvable).toBe(false),
  },
  {
    name: "same VPC, 54 inbound rules: warned that the quota is near",
    input: vpcInput({
      clientFacts: sameVpcClient,
      clusterFacts: cluster({
        securityGroups: [{ groupId: "sg-0aaa0a01", ingress: Array.from({ length: 54 }, (_, i) => tcp(8000 + i, { kind: "cidr", cidr: "10.99.0.0/16" })) }],
      }),
    }),
    scenario: "same-vpc",
    method: "security-group-only",
    steps: ["authorize-sg-ingress:sg-0aaa0a01:9098"],
    warns: ["quota-inbound-rules-near"],
    check: (plan) => expect(plan.approvable).toBe(true),
  },

  // 4.2 other VPC, same account and Region
  {
    name: "other VPC: peering requested by the MSK VPC, accepted, DNS, routes both ways in every table, SG by group id",
    input: vpcInput({}),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: peeringSteps,
    warns: [],
    ports: [9098],
    check: (plan) => {
      const create = step(plan, "create-peering");
      expect(create).toMatchObject({ account: MSK_ACCOUNT, region: "us-east-1", command: "CreateVpcPeeringConnectionCommand" });
      expect(create.input).toEqual({
        VpcId: "vpc-0aaa0001",
        PeerVpcId: "vpc-0bbb0001",
        TagSpecifications: [
          {
            ResourceType: "vpc-peering-connection",
            Tags: [
              { Key: "msk-portal:request-id", Value: "req-1" },
              { Key: "msk-portal:step", Value: "create-peering" },
            ],
          },
        ],
      });
      expect(create.undo).toEqual({
        command: "DeleteVpcPeeringConnectionCommand",
        input: { VpcPeeringConnectionId: { $ref: "create-peering.VpcPeeringConnectionId" } },
      });
      expect(step(plan, "accept-peering")).toMatchObject({ account: MSK_ACCOUNT, region: "us-east-1", dependsOn: ["create-peering"] });
      expect(step(plan, "enable-peering-dns").input).toEqual({
        VpcPeeringConnectionId: { $ref: "create-peering.VpcPeeringConnectionId" },
        RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true },
      });
      const route = step(plan, "create-route:rtb-0bbb0101:10.10.0.0/16");
      expect(route.input).toEqual({
        RouteTableId: "rtb-0bbb0101",
        DestinationCidrBlock: "10.10.0.0/16",
        VpcPeeringConnectionId: { $ref: "create-peering.VpcPeeringConnectionId" },
      });
      expect(route.undo).toEqual({ command: "DeleteRouteCommand", input: { RouteTableId: "rtb-0bbb0101", DestinationCidrBlock: "10.10.0.0/16" } });
      expect(route.summary).toBe("add route 10.10.0.0/16 -> the new peering in rtb-0bbb0101 (client, us-east-1)");
      const sg = step(plan, "authorize-sg-ingress:sg-0aaa0a01:9098");
      expect(sg.dependsOn).toEqual(["accept-peering"]);
      expect(sg.input.IpPermissions).toEqual([
        { IpProtocol: "tcp", FromPort: 9098, ToPort: 9098, UserIdGroupPairs: [{ GroupId: "sg-0bbb0b01", Description: "msk-portal req-1" }] },
      ]);
      expect(plan.topology.link.kind).toBe("vpc-peering");
    },
  },
  {
    name: "other VPC, overlapping CIDRs: blocked, multi-VPC recommended (VPC peering: overlapping CIDRs fail)",
    input: vpcInput({ clientFacts: client({ cidrs: ["10.10.128.0/17"] }) }),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: [
      "create-peering",
      "accept-peering",
      "enable-peering-dns",
      "create-route:rtb-0bbb0101:10.10.0.0/16",
      "create-route:rtb-0aaa0101:10.10.128.0/17",
      "create-route:rtb-0aaa0102:10.10.128.0/17",
      "authorize-sg-ingress:sg-0aaa0a01:9098",
    ],
    blocks: ["cidr-overlap"],
    check: (plan) => {
      const overlap = plan.preflight.find((f) => f.code === "cidr-overlap");
      expect(overlap?.remedy).toMatch(/multi-VPC private connectivity/);
      expect(overlap?.rule).toBe(AWS_RULES.peeringOverlap);
    },
  },
  {
    name: "other VPC, an active peering exists: reused, no create or accept",
    input: vpcInput({ clusterFacts: cluster({ peerings: [peeringBetween("active")] }) }),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: peeringSteps.slice(2),
    infos: ["peering-reused"],
    check: (plan) => {
      expect(step(plan, "create-route:rtb-0aaa0101:10.20.0.0/16").input.VpcPeeringConnectionId).toBe("pcx-0ddd0001");
      expect(step(plan, "create-route:rtb-0aaa0101:10.20.0.0/16").dependsOn).toEqual([]);
      expect(plan.topology.link.id).toBe("pcx-0ddd0001");
    },
  },
  {
    name: "other VPC, peering, DNS, routes and rule all in place: nothing to do",
    input: vpcInput({
      clusterFacts: cluster({
        peerings: [peeringBetween("active", true)],
        routeTables: [
          { routeTableId: "rtb-0aaa0101", routes: [{ destinationCidr: "10.20.0.0/16", target: "pcx-0ddd0001" }] },
          { routeTableId: "rtb-0aaa0102", routes: [{ destinationCidr: "10.20.0.0/16", target: "pcx-0ddd0001" }] },
        ],
        securityGroups: [{ groupId: "sg-0aaa0a01", ingress: [tcp(9098, { kind: "sg", groupId: "sg-0bbb0b01" })] }],
      }),
      clientFacts: client({
        routeTables: [{ routeTableId: "rtb-0bbb0101", routes: [{ destinationCidr: "10.10.0.0/16", target: "pcx-0ddd0001" }] }],
      }),
    }),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: [],
    infos: ["already-satisfied", "peering-reused"],
  },
  {
    name: "other VPC, a peering waits for acceptance: accept it, create none",
    input: vpcInput({ clusterFacts: cluster({ peerings: [peeringBetween("pending-acceptance")] }) }),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: peeringSteps.slice(1),
    check: (plan) => expect(step(plan, "accept-peering").input).toEqual({ VpcPeeringConnectionId: "pcx-0ddd0001" }),
  },
  {
    name: "other account, a peering the client requested waits in the MSK account: accepted there, accepter-side DNS option",
    input: vpcInput({
      clientFacts: client({
        accountId: APP_ACCOUNT,
        peerings: [
          {
            peeringId: "pcx-0ddd0002",
            status: "pending-acceptance",
            requester: { accountId: APP_ACCOUNT, region: "us-east-1", vpcId: "vpc-0bbb0001", allowDnsResolutionFromRemoteVpc: false },
            accepter: { accountId: MSK_ACCOUNT, region: "us-east-1", vpcId: "vpc-0aaa0001", allowDnsResolutionFromRemoteVpc: false },
          },
        ],
      }),
    }),
    scenario: "cross-account",
    method: "vpc-peering",
    steps: peeringSteps.slice(1),
    check: (plan) => {
      expect(step(plan, "accept-peering")).toMatchObject({ account: MSK_ACCOUNT, input: { VpcPeeringConnectionId: "pcx-0ddd0002" } });
      expect(step(plan, "enable-peering-dns").input).toEqual({
        VpcPeeringConnectionId: "pcx-0ddd0002",
        AccepterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true },
      });
    },
  },
  {
    name: "other VPC, a failed peering is ignored and a new one requested",
    input: vpcInput({ clusterFacts: cluster({ peerings: [peeringBetween("failed")] }) }),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: peeringSteps,
  },
  {
    name: "other VPC, the client table routes the MSK CIDR to a TGW: blocked, never overwritten",
    input: vpcInput({
      clientFacts: client({
        routeTables: [{ routeTableId: "rtb-0bbb0101", routes: [{ destinationCidr: "10.10.0.0/16", target: "tgw-0fff0001" }] }],
      }),
    }),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: peeringSteps.filter((k) => k !== "create-route:rtb-0bbb0101:10.10.0.0/16"),
    blocks: ["route-conflict"],
    check: (plan) => expect(plan.preflight.find((f) => f.code === "route-conflict")?.message).toMatch(/tgw-0fff0001/),
  },
  {
    name: "other VPC, a blackhole route to the reused peering's destination: blocked",
    input: vpcInput({
      clusterFacts: cluster({ peerings: [peeringBetween("active", true)] }),
      clientFacts: client({
        routeTables: [{ routeTableId: "rtb-0bbb0101", routes: [{ destinationCidr: "10.10.0.0/16", target: "pcx-0ddd0001", state: "blackhole" }] }],
      }),
    }),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: ["create-route:rtb-0aaa0101:10.20.0.0/16", "create-route:rtb-0aaa0102:10.20.0.0/16", "authorize-sg-ingress:sg-0aaa0a01:9098"],
    blocks: ["route-conflict"],
  },
  {
    name: "other VPC, a client table with 500 routes: blocked (VPC quotas: 500 routes per route table by default)",
    input: vpcInput({ clientFacts: client({ routeTables: [{ routeTableId: "rtb-0bbb0101", routes: routes(500) }] }) }),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: peeringSteps,
    blocks: ["quota-routes-per-table"],
  },
  {
    name: "other VPC, 49 routes and the local route under a quota of 50: the 50th fits (the local route does not count)",
    input: vpcInput({
      platformSettings: platform({ quotas: { routesPerRouteTable: 50 } }),
      clientFacts: client({
        routeTables: [{ routeTableId: "rtb-0bbb0101", routes: [{ destinationCidr: "10.20.0.0/16", target: "local" }, ...routes(49)] }],
      }),
    }),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: peeringSteps,
    blocks: [],
    warns: ["quota-routes-per-table-near"],
  },
  {
    name: "other VPC, 50 propagated routes do not count against the route quota",
    input: vpcInput({ clientFacts: client({ routeTables: [{ routeTableId: "rtb-0bbb0101", routes: routes(50, { propagated: true }) }] }) }),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: peeringSteps,
    blocks: [],
  },
  {
    name: "other VPC, the MSK VPC has 50 active peerings: blocked (VPC quotas: 50 active peerings per VPC)",
    input: vpcInput({ clusterFacts: cluster({ peerings: activePeerings(50, "vpc-0aaa0001") }) }),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: peeringSteps,
    blocks: ["quota-active-peerings"],
  },
  {
    name: "other VPC, 25 outstanding peering requests: blocked (VPC quotas: 25 outstanding requests)",
    input: vpcInput({ clusterFacts: cluster({ outstandingPeeringRequests: 25 }) }),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: peeringSteps,
    blocks: ["quota-outstanding-peerings"],
  },
  {
    name: "other VPC, DNS hostnames off in the client VPC: warned (VPC peering DNS needs hostnames and resolution)",
    input: vpcInput({ clientFacts: client({ dnsHostnames: false }) }),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: peeringSteps,
    warns: ["dns-hostnames-off"],
  },
  {
    name: "other VPC, a narrower route elsewhere inside the MSK CIDR: warned",
    input: vpcInput({
      clientFacts: client({
        routeTables: [{ routeTableId: "rtb-0bbb0101", routes: [{ destinationCidr: "10.10.9.0/24", target: "tgw-0fff0001" }] }],
      }),
    }),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: peeringSteps,
    warns: ["route-more-specific-elsewhere"],
  },
  {
    name: "other VPC with a secondary CIDR: a route for each CIDR in every table",
    input: vpcInput({ clientFacts: client({ cidrs: ["10.20.0.0/16", "100.64.0.0/16"] }) }),
    scenario: "cross-vpc",
    method: "vpc-peering",
    steps: [
      "create-peering",
      "accept-peering",
      "enable-peering-dns",
      "create-route:rtb-0bbb0101:10.10.0.0/16",
      "create-route:rtb-0aaa0101:10.20.0.0/16",
      "create-route:rtb-0aaa0101:100.64.0.0/16",
      "create-route:rtb-0aaa0102:10.20.0.0/16",
      "create-route:rtb-0aaa0102:100.64.0.0/16",
      "authorize-sg-ingress:sg-0aaa0a01:9098",
    ],
  },

  // 4.3 same account, other Region
  {
    name: "other Region: PeerRegion, accepted in the client's Region, SG by CIDR (peering SG references: same Region only)",
    input: vpcInput({ clientFacts: client({ region: "eu-west-1" }) }),
    scenario: "cross-region",
    method: "vpc-peering",
    steps: peeringSteps,
    infos: ["sg-reference-cross-region"],
    check: (plan) => {
      expect(step(plan, "create-peering").input).toMatchObject({ PeerRegion: "eu-west-1" });
      expect(step(plan, "create-peering").input).not.toHaveProperty("PeerOwnerId");
      expect(step(plan, "accept-peering")).toMatchObject({ account: MSK_ACCOUNT, region: "eu-west-1" });
      expect(step(plan, "create-route:rtb-0bbb0101:10.10.0.0/16").region).toBe("eu-west-1");
      const sg = step(plan, "authorize-sg-ingress:sg-0aaa0a01:9098");
      expect(sg.input.IpPermissions).toEqual([
        { IpProtocol: "tcp", FromPort: 9098, ToPort: 9098, IpRanges: [{ CidrIp: "10.20.0.0/16", Description: "msk-portal req-1" }] },
      ]);
      expect(sg.dependsOn).toEqual([]);
    },
  },
  {
    name: "other Region, overlapping CIDRs: blocked, and multi-VPC is not offered (it is same-Region only)",
    input: vpcInput({ clientFacts: client({ region: "eu-west-1", cidrs: ["10.10.0.0/16"] }) }),
    scenario: "cross-region",
    method: "vpc-peering",
    steps: [
      "create-peering",
      "accept-peering",
      "enable-peering-dns",
      "create-route:rtb-0bbb0101:10.10.0.0/16",
      "authorize-sg-ingress:sg-0aaa0a01:9098",
    ],
    // The MSK tables' local route covers 10.10.0.0/16 too; that is the same overlap, reported once.
    blocks: ["cidr-overlap"],
    check: (plan) => expect(plan.preflight.find((f) => f.code === "cidr-overlap")?.remedy).toMatch(/^Peering cannot/),
  },

  // 4.4 other account
  {
    name: "other account, same Region: PeerOwnerId, accepted in the client account, SG as account/sg-id",
    input: vpcInput({ clientFacts: crossAccountClient }),
    scenario: "cross-account",
    method: "vpc-peering",
    steps: peeringSteps,
    check: (plan) => {
      expect(step(plan, "create-peering").input).toMatchObject({ PeerOwnerId: APP_ACCOUNT });
      expect(step(plan, "create-peering").input).not.toHaveProperty("PeerRegion");
      expect(step(plan, "accept-peering")).toMatchObject({ account: APP_ACCOUNT, region: "us-east-1" });
      expect(step(plan, "create-route:rtb-0bbb0101:10.10.0.0/16").account).toBe(APP_ACCOUNT);
      expect(step(plan, "authorize-sg-ingress:sg-0aaa0a01:9098").input.IpPermissions).toEqual([
        {
          IpProtocol: "tcp",
          FromPort: 9098,
          ToPort: 9098,
          UserIdGroupPairs: [{ GroupId: "sg-0bbb0b01", UserId: APP_ACCOUNT, Description: "msk-portal req-1" }],
        },
      ]);
      expect(plan.topology.securityGroupRule?.sources).toEqual(["222222222222/sg-0bbb0b01"]);
    },
  },
  {
    name: "other account, other Region: PeerOwnerId and PeerRegion, SG by CIDR (no cross-Region SG references)",
    input: vpcInput({ clientFacts: client({ accountId: APP_ACCOUNT, region: "eu-west-1" }) }),
    scenario: "cross-account",
    method: "vpc-peering",
    steps: peeringSteps,
    infos: ["sg-reference-cross-account-region"],
    check: (plan) => {
      expect(step(plan, "create-peering").input).toMatchObject({ PeerOwnerId: APP_ACCOUNT, PeerRegion: "eu-west-1" });
      expect(step(plan, "accept-peering")).toMatchObject({ account: APP_ACCOUNT, region: "eu-west-1" });
      expect(JSON.stringify(step(plan, "authorize-sg-ingress:sg-0aaa0a01:9098").input)).toContain('"CidrIp":"10.20.0.0/16"');
    },
  },
  {
    name: "other account through the TGW hub, SG referencing off: share, attach, accept, associate, propagate, routes, CIDR rule",
    input: vpcInput({ clientFacts: crossAccountClient, platformSettings: tgwPlatform }),
    scenario: "cross-account",
    method: "transit-gateway",
    steps: tgwVpcSteps,
    infos: ["tgw-sg-referencing-off"],
    check: (plan) => {
      expect(step(plan, "share-tgw:111111111111")).toMatchObject({ account: TRANSIT_ACCOUNT, command: "CreateResourceShareCommand" });
      expect(step(plan, "share-tgw:111111111111").input).toMatchObject({
        resourceArns: ["arn:aws:ec2:us-east-1:999999999999:transit-gateway/tgw-0ccc0001"],
        principals: [MSK_ACCOUNT],
        allowExternalPrincipals: false,
      });
      expect(step(plan, "share-tgw:222222222222")).toMatchObject({
        command: "AssociateResourceShareCommand",
        input: { resourceShareArn: { $ref: "share-tgw:111111111111.resourceShareArn" }, principals: [APP_ACCOUNT] },
        dependsOn: ["share-tgw:111111111111"],
      });
      expect(step(plan, "attach-vpc-to-tgw:cluster")).toMatchObject({
        account: MSK_ACCOUNT,
        dependsOn: ["share-tgw:111111111111"],
        input: {
          TransitGatewayId: "tgw-0ccc0001",
          VpcId: "vpc-0aaa0001",
          SubnetIds: ["subnet-0aaa0011", "subnet-0aaa0012", "subnet-0aaa0013"],
          Options: { DnsSupport: "enable", SecurityGroupReferencingSupport: "disable" },
        },
      });
      expect(step(plan, "accept-tgw-attachment:client")).toMatchObject({
        account: TRANSIT_ACCOUNT,
        input: { TransitGatewayAttachmentId: { $ref: "attach-vpc-to-tgw:client.TransitGatewayAttachmentId" } },
      });
      expect(step(plan, "associate-tgw-route-table:client").input).toEqual({
        TransitGatewayRouteTableId: "tgw-rtb-0ccc0002",
        TransitGatewayAttachmentId: { $ref: "attach-vpc-to-tgw:client.TransitGatewayAttachmentId" },
      });
      expect(step(plan, "create-route:rtb-0aaa0101:10.20.0.0/16").input).toEqual({
        RouteTableId: "rtb-0aaa0101",
        DestinationCidrBlock: "10.20.0.0/16",
        TransitGatewayId: "tgw-0ccc0001",
      });
      expect(JSON.stringify(step(plan, "authorize-sg-ingress:sg-0aaa0a01:9098").input)).toContain('"CidrIp":"10.20.0.0/16"');
    },
  },
  {
    name: "other account through the TGW hub, SG referencing on: rule references account/sg-id (TGW SG referencing)",
    input: vpcInput({
      clientFacts: crossAccountClient,
      platformSettings: platform({ crossAccountVpcVia: "transit-gateway", transitHubs: [hub({ securityGroupReferencingSupport: true })] }),
    }),
    scenario: "cross-account",
    method: "transit-gateway",
    steps: tgwVpcSteps,
    check: (plan) => {
      expect(step(plan, "attach-vpc-to-tgw:client").input).toMatchObject({ Options: { SecurityGroupReferencingSupport: "enable" } });
      const sg = step(plan, "authorize-sg-ingress:sg-0aaa0a01:9098");
      expect(sg.input.IpPermissions).toEqual([
        {
          IpProtocol: "tcp",
          FromPort: 9098,
          ToPort: 9098,
          UserIdGroupPairs: [{ GroupId: "sg-0bbb0b01", UserId: APP_ACCOUNT, Description: "msk-portal req-1" }],
        },
      ]);
      expect(sg.dependsOn).toContain("associate-tgw-route-table:client");
    },
  },
  {
    name: "TGW hub, accounts outside the organization: each accepts a RAM invitation (RAM invitations)",
    input: vpcInput({ clientFacts: crossAccountClient, platformSettings: platform({ crossAccountVpcVia: "transit-gateway", organization: null }) }),
    scenario: "cross-account",
    method: "transit-gateway",
    steps: [
      "share-tgw:111111111111",
      "accept-share-invitation:111111111111",
      "share-tgw:222222222222",
      "accept-share-invitation:222222222222",
      ...tgwVpcSteps.slice(2),
    ],
    infos: ["ram-invitation"],
    check: (plan) => {
      expect(step(plan, "share-tgw:111111111111").input).toMatchObject({ allowExternalPrincipals: true });
      expect(step(plan, "accept-share-invitation:222222222222")).toMatchObject({
        account: APP_ACCOUNT,
        input: { resourceShareInvitationArn: { $ref: "share-tgw:222222222222.resourceShareInvitationArn" } },
      });
      expect(step(plan, "attach-vpc-to-tgw:client").dependsOn).toEqual(["accept-share-invitation:222222222222"]);
    },
  },
  {
    name: "TGW hub, cluster account in the organization and client outside: two shares, the client's allowing external principals (RAM: an outside account cannot join a share created without allowExternalPrincipals)",
    input: vpcInput({
      clientFacts: crossAccountClient,
      platformSettings: platform({
        crossAccountVpcVia: "transit-gateway",
        organization: { arn: "arn:aws:organizations::999999999999:organization/o-abc123", accountIds: [MSK_ACCOUNT, TRANSIT_ACCOUNT], ramSharingEnabled: true },
      }),
    }),
    scenario: "cross-account",
    method: "transit-gateway",
    steps: ["share-tgw:111111111111", "share-tgw:222222222222", "accept-share-invitation:222222222222", ...tgwVpcSteps.slice(2)],
    infos: ["ram-invitation"],
    check: (plan) => {
      expect(step(plan, "share-tgw:111111111111")).toMatchObject({ command: "CreateResourceShareCommand", input: { allowExternalPrincipals: false } });
      expect(step(plan, "share-tgw:222222222222")).toMatchObject({
        command: "CreateResourceShareCommand",
        input: { principals: [APP_ACCOUNT], allowExternalPrincipals: true },
      });
    },
  },
  {
    name: "TGW hub keeping AWS's default tables: each new attachment leaves the default propagation and association before its own",
    input: vpcInput({
      clientFacts: crossAccountClient,
      platformSettings: platform({
        crossAccountVpcVia: "transit-gateway",
        transitHubs: [hub({ defaultRouteTables: { association: "tgw-rtb-0ccc0009", propagation: "tgw-rtb-0ccc0009" } })],
      }),
    }),
    scenario: "cross-account",
    method: "transit-gateway",
    steps: [
      ...tgwVpcSteps.slice(0, 4),
      "disable-tgw-default-propagation:cluster",
      "disassociate-tgw-default-route-table:cluster",
      ...tgwVpcSteps.slice(4, 8),
      "disable-tgw-default-propagation:client",
      "disassociate-tgw-default-route-table:client",
      ...tgwVpcSteps.slice(8),
    ],
    warns: ["tgw-default-propagation"],
    check: (plan) => {
      const warnings = plan.preflight.filter((f) => f.code === "tgw-default-propagation").map((f) => f.message);
      expect(warnings).toEqual([expect.stringContaining("cluster VPC"), expect.stringContaining("client VPC")]);
    },
  },
  {
    name: "TGW hub whose default propagation the platform keeps: no disable steps, and a warning that says what it exposes",
    input: vpcInput({
      clientFacts: crossAccountClient,
      platformSettings: platform({
        crossAccountVpcVia: "transit-gateway",
        tgwDefaultPropagation: "keep",
        transitHubs: [hub({ defaultRouteTables: { association: "tgw-rtb-0ccc0009", propagation: "tgw-rtb-0ccc0009" } })],
      }),
    }),
    scenario: "cross-account",
    method: "transit-gateway",
    steps: [
      ...tgwVpcSteps.slice(0, 4),
      "disassociate-tgw-default-route-table:cluster",
      ...tgwVpcSteps.slice(4, 8),
      "disassociate-tgw-default-route-table:client",
      ...tgwVpcSteps.slice(8),
    ],
    warns: ["tgw-default-propagation"],
    check: (plan) => {
      const warnings = plan.preflight.filter((f) => f.code === "tgw-default-propagation").map((f) => f.message);
      expect(warnings).toEqual([
        expect.stringContaining("and the platform keeps that: once the cluster VPC's attachment is available, every attachment associated with tgw-rtb-0ccc0009 has a route to"),
        expect.stringContaining("client VPC"),
      ]);
    },
  },
  {
    name: "TGW hub with auto-accept on: no acceptance steps",
    input: vpcInput({
      clientFacts: crossAccountClient,
      platformSettings: platform({ crossAccountVpcVia: "transit-gateway", transitHubs: [hub({ autoAcceptSharedAttachments: true })] }),
    }),
    scenario: "cross-account",
    method: "transit-gateway",
    steps: tgwVpcSteps.filter((k) => !k.startsWith("accept-tgw-attachment")),
  },
  {
    name: "TGW hub, the cluster is already shared, attached, associated and propagated: only the client side is built",
    input: vpcInput({
      clientFacts: crossAccountClient,
      clusterFacts: cluster({ tgwAttachments: [attachmentAvailable({})] }),
      platformSettings: platform({
        crossAccountVpcVia: "transit-gateway",
        transitHubs: [hub({ share: { resourceShareArn: "arn:aws:ram:us-east-1:999999999999:resource-share/abc", principals: [MSK_ACCOUNT], pendingInvitations: [] } })],
      }),
    }),
    scenario: "cross-account",
    method: "transit-gateway",
    steps: tgwVpcSteps.filter((k) => !k.includes("cluster") && k !== "share-tgw:111111111111"),
    check: (plan) =>
      expect(step(plan, "share-tgw:222222222222").input).toEqual({
        resourceShareArn: "arn:aws:ram:us-east-1:999999999999:resource-share/abc",
        principals: [APP_ACCOUNT],
      }),
  },
  {
    name: "TGW hub, the client's attachment misses a zone of its subnets: blocked (TGW: no attachment subnet, no reach)",
    input: vpcInput({
      clientFacts: client({
        accountId: APP_ACCOUNT,
        tgwAttachments: [attachmentAvailable({ attachmentId: "tgw-attach-0eee0002", azIds: ["use1-az1"], associatedRouteTableId: "tgw-rtb-0ccc0002", propagatedRouteTableIds: ["tgw-rtb-0ccc0001"] })],
      }),
      platformSettings: tgwPlatform,
    }),
    scenario: "cross-account",
    method: "transit-gateway",
    steps: tgwVpcSteps.filter((k) => !k.includes("client") && k !== "share-tgw:222222222222"),
    blocks: ["tgw-attachment-missing-az"],
    check: (plan) => expect(plan.preflight.find((f) => f.code === "tgw-attachment-missing-az")?.message).toMatch(/use1-az2/),
  },
  {
    name: "TGW hub preferred but the client is in another Region: inter-Region peering instead",
    input: vpcInput({ clientFacts: client({ accountId: APP_ACCOUNT, region: "eu-west-1" }), platformSettings: tgwPlatform }),
    scenario: "cross-account",
    method: "vpc-peering",
    steps: peeringSteps,
    infos: ["tgw-hub-other-region", "sg-reference-cross-account-region"],
  },
  {
    name: "TGW hub, overlapping CIDRs: blocked (TGW does not propagate overlapping CIDRs)",
    input: vpcInput({ clientFacts: client({ accountId: APP_ACCOUNT, cidrs: ["10.10.0.0/20"] }), platformSettings: tgwPlatform }),
    scenario: "cross-account",
    method: "transit-gateway",
    steps: tgwVpcSteps.map((k) => k.replace("10.20.0.0/16", "10.10.0.0/20")),
    blocks: ["cidr-overlap"],
    check: (plan) => expect(plan.preflight.find((f) => f.code === "cidr-overlap")?.rule).toBe(AWS_RULES.tgwOverlap),
  },

  // 4.5 on-premises
  {
    name: "on-premises: share, attach the MSK VPC, accept, associate, propagate to on-prem, routes, CIDR rule",
    input: onPremInput(),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: onPremSteps,
    infos: ["on-prem-dns"],
    ports: [9098],
    check: (plan) => {
      expect(step(plan, "associate-tgw-route-table:cluster").input).toMatchObject({ TransitGatewayRouteTableId: "tgw-rtb-0ccc0001" });
      expect(step(plan, "enable-tgw-propagation:cluster:tgw-rtb-0ccc0003")).toMatchObject({
        account: TRANSIT_ACCOUNT,
        command: "EnableTransitGatewayRouteTablePropagationCommand",
      });
      expect(step(plan, "attach-vpc-to-tgw:cluster").creates).toMatchObject({ type: "transit-gateway-attachment" });
      expect(step(plan, "create-route:rtb-0aaa0102:192.168.0.0/16").dependsOn).toEqual([
        "accept-tgw-attachment:cluster",
        "associate-tgw-route-table:cluster",
        "enable-tgw-propagation:cluster:tgw-rtb-0ccc0003",
      ]);
      expect(step(plan, "authorize-sg-ingress:sg-0aaa0a01:9098").input.IpPermissions).toEqual([
        { IpProtocol: "tcp", FromPort: 9098, ToPort: 9098, IpRanges: [{ CidrIp: "192.168.0.0/16", Description: "msk-portal req-1" }] },
      ]);
      expect(plan.topology.client.cidrs).toEqual(["192.168.0.0/16"]);
    },
  },
  {
    name: "on-premises through a TGW keeping AWS's default tables (tgw-route-tables): the new attachment leaves the default propagation and association first",
    input: onPremInput({ platformSettings: platform({ transitHubs: [hub({ defaultRouteTables: { association: "tgw-rtb-0ccc0009", propagation: "tgw-rtb-0ccc0009" } })] }) }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: [
      ...onPremSteps.slice(0, 3),
      "disable-tgw-default-propagation:cluster",
      "disassociate-tgw-default-route-table:cluster",
      ...onPremSteps.slice(3),
    ],
    warns: ["tgw-default-propagation"],
    check: (plan) => {
      const attachment = { $ref: "attach-vpc-to-tgw:cluster.TransitGatewayAttachmentId" };
      expect(step(plan, "disassociate-tgw-default-route-table:cluster")).toMatchObject({
        kind: "associate-tgw-route-table",
        account: TRANSIT_ACCOUNT,
        command: "DisassociateTransitGatewayRouteTableCommand",
        input: { TransitGatewayRouteTableId: "tgw-rtb-0ccc0009", TransitGatewayAttachmentId: attachment },
        dependsOn: ["accept-tgw-attachment:cluster"],
        undo: { command: "AssociateTransitGatewayRouteTableCommand", input: { TransitGatewayRouteTableId: "tgw-rtb-0ccc0009", TransitGatewayAttachmentId: attachment } },
      });
      expect(step(plan, "disable-tgw-default-propagation:cluster")).toMatchObject({
        kind: "enable-tgw-propagation",
        command: "DisableTransitGatewayRouteTablePropagationCommand",
        input: { TransitGatewayRouteTableId: "tgw-rtb-0ccc0009", TransitGatewayAttachmentId: attachment },
        undo: { command: "EnableTransitGatewayRouteTablePropagationCommand" },
      });
      // AWS answers Resource.AlreadyAssociated while the default association holds.
      expect(step(plan, "associate-tgw-route-table:cluster").dependsOn).toEqual(["accept-tgw-attachment:cluster", "disassociate-tgw-default-route-table:cluster"]);
      expect(step(plan, "create-route:rtb-0aaa0101:192.168.0.0/16").dependsOn).toEqual(expect.arrayContaining(["disable-tgw-default-propagation:cluster"]));
      const warn = plan.preflight.find((f) => f.code === "tgw-default-propagation");
      expect(warn).toMatchObject({ severity: "warn", rule: AWS_RULES.tgwDefaultRouteTables });
      expect(warn?.message).toContain("tgw-rtb-0ccc0009");
      expect(warn?.message).toContain("10.10.0.0/16");
    },
  },
  {
    name: "on-premises, the TGW's default tables are the ones the hub uses: nothing to leave, no warning",
    input: onPremInput({ platformSettings: platform({ transitHubs: [hub({ defaultRouteTables: { association: "tgw-rtb-0ccc0001", propagation: "tgw-rtb-0ccc0003" } })] }) }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: onPremSteps,
    warns: [],
  },
  {
    name: "on-premises, only default propagation on: the propagation is turned off, the association left alone",
    input: onPremInput({ platformSettings: platform({ transitHubs: [hub({ defaultRouteTables: { association: null, propagation: "tgw-rtb-0ccc0002" } })] }) }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: [...onPremSteps.slice(0, 3), "disable-tgw-default-propagation:cluster", ...onPremSteps.slice(3)],
    warns: ["tgw-default-propagation"],
  },
  {
    name: "on-premises, the MSK VPC's existing attachment sits in the TGW's default table: blocked, the portal does not move what it did not set",
    input: onPremInput({
      clusterFacts: cluster({ tgwAttachments: [attachmentAvailable({ associatedRouteTableId: "tgw-rtb-0ccc0009" })] }),
      platformSettings: platform({ transitHubs: [hub({ defaultRouteTables: { association: "tgw-rtb-0ccc0009", propagation: "tgw-rtb-0ccc0009" } })] }),
    }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: onPremSteps.slice(5),
    blocks: ["tgw-association-elsewhere"],
    check: (plan) => expect(plan.preflight.find((f) => f.code === "tgw-association-elsewhere")?.message).toMatch(/tgw-rtb-0ccc0009 \(the transit gateway's default route table\)/),
  },
  {
    name: "on-premises, the MSK VPC's attachment was moved off the TGW's defaults by an earlier request: this one relies on that too",
    input: onPremInput({
      clusterFacts: cluster({ tgwAttachments: [attachmentAvailable({ propagatedRouteTableIds: ["tgw-rtb-0ccc0003"] })] }),
      platformSettings: platform({ transitHubs: [hub({ defaultRouteTables: { association: "tgw-rtb-0ccc0009", propagation: "tgw-rtb-0ccc0009" } })] }),
    }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: onPremSteps.slice(5),
    warns: [],
    // The ids the earlier request's removal steps recorded: its teardown keeps the attachment off the defaults.
    check: (plan) => expect(plan.reuses).toContain("tgw-rtb-0ccc0009|tgw-attach-0eee0001"),
  },
  {
    name: "on-premises, the MSK VPC's attachment waits for acceptance: accepting it applies the TGW's defaults, so the plan leaves them",
    input: onPremInput({
      clusterFacts: cluster({ tgwAttachments: [attachmentAvailable({ state: "pendingAcceptance", associatedRouteTableId: null, propagatedRouteTableIds: [] })] }),
      platformSettings: platform({ transitHubs: [hub({ defaultRouteTables: { association: "tgw-rtb-0ccc0009", propagation: "tgw-rtb-0ccc0009" } })] }),
    }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: [
      "accept-tgw-attachment:cluster",
      "disable-tgw-default-propagation:cluster",
      "disassociate-tgw-default-route-table:cluster",
      ...onPremSteps.slice(3),
    ],
    warns: ["tgw-default-propagation"],
    check: (plan) =>
      expect(step(plan, "disassociate-tgw-default-route-table:cluster").input).toEqual({
        TransitGatewayRouteTableId: "tgw-rtb-0ccc0009",
        TransitGatewayAttachmentId: "tgw-attach-0eee0001",
      }),
  },
  {
    name: "on-premises, two CIDRs and TLS: a route per CIDR per table, rule on 9094 for both",
    input: onPremInput({ cidrs: ["192.168.0.0/16", "172.16.0.0/12"], authModes: ["tls"] }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: [
      ...onPremSteps.slice(0, 5),
      "create-route:rtb-0aaa0101:192.168.0.0/16",
      "create-route:rtb-0aaa0101:172.16.0.0/12",
      "create-route:rtb-0aaa0102:192.168.0.0/16",
      "create-route:rtb-0aaa0102:172.16.0.0/12",
      "authorize-sg-ingress:sg-0aaa0a01:9094",
    ],
    ports: [9094],
  },
  {
    name: "on-premises without a DX gateway association: blocked (DX gateway and TGW associations)",
    input: onPremInput({ platformSettings: platform({ transitHubs: [hub({ dxGatewayAssociation: null })] }) }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: onPremSteps,
    blocks: ["dx-association-missing"],
  },
  {
    name: "on-premises, the MSK CIDR is not an allowed prefix: blocked (DX allowed prefixes)",
    input: onPremInput({
      platformSettings: platform({
        transitHubs: [hub({ dxGatewayAssociation: { dxGatewayId: "dxgw-1", associationId: "dxgw-assoc-1", state: "associated", allowedPrefixes: ["10.200.0.0/16"] } })],
      }),
    }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: onPremSteps,
    blocks: ["dx-prefix-not-advertised"],
  },
  // Direct Connect both ways (allowed-to-prefixes; direct-connect-transit-gateways, tgw-route-tables).
  {
    name: "on-premises, the association allows only the on-prem ranges (what on-premises advertises, not AWS): blocked, naming both",
    input: onPremInput({
      platformSettings: platform({ transitHubs: [hub({ dxGatewayAssociation: dxAllowing(["172.16.0.0/12", "192.168.0.0/16"]) })] }),
    }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: onPremSteps,
    blocks: ["dx-prefix-not-advertised"],
    check: (plan) => {
      const f = finding(plan, "dx-prefix-not-advertised");
      expect(f.message).toContain("10.10.1.0/24, 10.10.2.0/24, 10.10.3.0/24");
      expect(f.message).toContain("(172.16.0.0/12, 192.168.0.0/16)");
      expect(f.remedy).toContain(`10.10.0.0/16 (or a prefix covering`);
      expect(f.remedy).toContain(TRANSIT_ACCOUNT);
      expect(f.rule).toBe(AWS_RULES.dxAllowedPrefixes);
    },
  },
  {
    name: "on-premises, an allowed prefix narrower than the VPC CIDR that covers every broker subnet: approvable",
    input: onPremInput({ platformSettings: platform({ transitHubs: [hub({ dxGatewayAssociation: dxAllowing(["10.10.0.0/22"]) })] }) }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: onPremSteps,
  },
  {
    name: "on-premises, no route back to the requested CIDR in the table the cluster's attachment uses: blocked (return path)",
    input: onPremInput({ cidrs: ["198.51.100.0/24"] }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: onPremSteps.map((k) => k.replace("192.168.0.0/16", "198.51.100.0/24")),
    blocks: ["dx-on-prem-route-missing"],
    check: (plan) => {
      const f = finding(plan, "dx-on-prem-route-missing");
      expect(f.message).toContain("tgw-rtb-0ccc0001");
      expect(f.message).toContain("198.51.100.0/24");
      expect(f.remedy).toContain("advertises 198.51.100.0/24 from on-premises");
      expect(f.rule).toBe(AWS_RULES.dxOnPremRoutes);
    },
  },
  {
    name: "on-premises, on-premises' routes reach only the DX attachment's own table: blocked, the cluster's table has none",
    input: onPremInput({
      platformSettings: platform({ transitHubs: [hub({ routes: { "tgw-rtb-0ccc0001": [], "tgw-rtb-0ccc0003": [dxRoute("192.168.0.0/16")] } })] }),
    }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: onPremSteps,
    blocks: ["dx-on-prem-route-missing"],
  },
  {
    name: "on-premises, a static route to the DX attachment covers the CIDR: approvable",
    input: onPremInput({
      cidrs: ["192.168.10.0/24"],
      platformSettings: platform({ transitHubs: [hub({ routes: { "tgw-rtb-0ccc0001": [{ ...dxRoute("192.168.0.0/16"), type: "static" }] } })] }),
    }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: onPremSteps.map((k) => k.replace("192.168.0.0/16", "192.168.10.0/24")),
  },
  {
    name: "on-premises, the most specific route to the CIDR is a blackhole: blocked",
    input: onPremInput({
      cidrs: ["192.168.10.0/24"],
      platformSettings: platform({
        transitHubs: [
          hub({
            routes: {
              "tgw-rtb-0ccc0001": [
                dxRoute("192.168.0.0/16"),
                { destinationCidr: "192.168.0.0/20", type: "static", state: "blackhole", attachmentId: null },
              ],
            },
          }),
        ],
      }),
    }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: onPremSteps.map((k) => k.replace("192.168.0.0/16", "192.168.10.0/24")),
    blocks: ["dx-on-prem-route-missing"],
  },
  {
    name: "on-premises, the DX gateway owner account has no association with the TGW: blocked, naming the account to check",
    input: onPremInput({
      platformSettings: platform({ transitHubs: [hub({ dxGatewayAssociation: null, dxGatewayOwnerAccountId: "123456789012" })] }),
    }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: onPremSteps,
    blocks: ["dx-association-missing"],
    check: (plan) => expect(finding(plan, "dx-association-missing").message).toContain("Account 123456789012 owns no Direct Connect gateway"),
  },
  {
    name: "on-premises CIDR overlaps the MSK VPC: blocked",
    input: onPremInput({ cidrs: ["10.10.0.0/24"] }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: onPremSteps.map((k) => k.replace("192.168.0.0/16", "10.10.0.0/24")),
    blocks: ["cidr-overlap"],
  },
  {
    name: "on-premises, already shared but the invitation is pending: accept it by its ARN",
    input: onPremInput({
      platformSettings: platform({
        organization: null,
        transitHubs: [
          hub({
            share: {
              resourceShareArn: "arn:aws:ram:us-east-1:999999999999:resource-share/abc",
              principals: [MSK_ACCOUNT],
              pendingInvitations: [{ accountId: MSK_ACCOUNT, invitationArn: "arn:aws:ram:us-east-1:999999999999:resource-share-invitation/inv1" }],
            },
          }),
        ],
      }),
    }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: ["accept-share-invitation:111111111111", ...onPremSteps.slice(1)],
    check: (plan) =>
      expect(step(plan, "accept-share-invitation:111111111111").input).toEqual({
        resourceShareInvitationArn: "arn:aws:ram:us-east-1:999999999999:resource-share-invitation/inv1",
      }),
  },
  {
    name: "on-premises, shared with the whole organization: no share step",
    input: onPremInput({
      platformSettings: platform({
        transitHubs: [
          hub({
            share: { resourceShareArn: "arn:aws:ram:us-east-1:999999999999:resource-share/abc", principals: ["arn:aws:organizations::999999999999:organization/o-abc123"], pendingInvitations: [] },
          }),
        ],
      }),
    }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: onPremSteps.slice(1),
  },
  {
    name: "on-premises, the attachment is associated with another TGW route table: blocked, not moved",
    input: onPremInput({
      clusterFacts: cluster({ tgwAttachments: [attachmentAvailable({ associatedRouteTableId: "tgw-rtb-0ccc0009", propagatedRouteTableIds: [] })] }),
    }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: ["enable-tgw-propagation:cluster:tgw-rtb-0ccc0003", ...onPremSteps.slice(5)],
    blocks: ["tgw-association-elsewhere"],
  },
  {
    name: "on-premises with no hub in the cluster's Region: blocked",
    input: onPremInput({ platformSettings: platform({ transitHubs: [hub({ region: "eu-west-1" })] }) }),
    scenario: "on-prem",
    method: "transit-gateway",
    steps: [],
    blocks: ["no-transit-hub"],
  },

  // 4.6 SaaS
  {
    name: "SaaS, multi-VPC off: UpdateConnectivity, then the cluster policy; reboot warned (multi-VPC: brokers update 30+ min)",
    input: saasInput(),
    scenario: "saas",
    method: "multi-vpc-private-connectivity",
    steps: ["enable-multi-vpc-connectivity", "put-cluster-policy"],
    warns: ["multi-vpc-reboot"],
    infos: ["saas-handover"],
    ports: multiVpcPortRange(),
    check: (plan) => {
      expect(step(plan, "enable-multi-vpc-connectivity").input).toEqual({
        ClusterArn: CLUSTER_ARN,
        CurrentVersion: "K3AEGXETSR30VB",
        ConnectivityInfo: {
          VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true }, Scram: { Enabled: false } }, Tls: { Enabled: false } } },
        },
      });
      const put = step(plan, "put-cluster-policy");
      expect(put.input).not.toHaveProperty("CurrentVersion");
      expect(put.dependsOn).toEqual(["enable-multi-vpc-connectivity"]);
      expect(put.undo).toEqual({ command: "DeleteClusterPolicyCommand", input: { ClusterArn: CLUSTER_ARN } });
      const policy = JSON.parse(String(put.input.Policy)) as { Statement: Array<{ Sid: string; Action: string[]; Principal: unknown }> };
      expect(policy.Statement[0]).toMatchObject({
        Sid: "MskPortalVpcConnection333333333333",
        Principal: { AWS: "arn:aws:iam::333333333333:root" },
        Action: ["kafka:CreateVpcConnection", "kafka:GetBootstrapBrokers", "kafka:DescribeCluster", "kafka:DescribeClusterV2"],
      });
      expect(policy.Statement.map((s) => s.Sid)).toContain("MskPortalIam333333333333Connect");
      expect(plan.bootstrap).toBeNull();
    },
  },
  {
    name: "SaaS, multi-VPC on for IAM: no update; the multi-VPC port range, not only the bootstrap string's ports",
    input: saasInput({ clusterFacts: cluster({ multiVpc: { iam: true, scram: false, tls: false }, bootstrap: { ...cluster().bootstrap, ...MULTI_VPC_BOOTSTRAP } }) }),
    scenario: "saas",
    method: "multi-vpc-private-connectivity",
    steps: ["put-cluster-policy"],
    warns: [],
    ports: multiVpcPortRange(),
    check: (plan) => {
      expect(plan.bootstrap).toBe(MULTI_VPC_BOOTSTRAP.BootstrapBrokerStringVpcConnectivitySaslIam);
      expect(plan.clientSettings.iam?.java["bootstrap.servers"]).toBe(MULTI_VPC_BOOTSTRAP.BootstrapBrokerStringVpcConnectivitySaslIam);
    },
  },
  {
    name: "SaaS, SCRAM added to IAM already on: the update keeps IAM on",
    input: saasInput({ authModes: ["scram"], clusterFacts: cluster({ multiVpc: { iam: true, scram: false, tls: false } }) }),
    scenario: "saas",
    method: "multi-vpc-private-connectivity",
    steps: ["enable-multi-vpc-connectivity", "put-cluster-policy"],
    check: (plan) =>
      expect(step(plan, "enable-multi-vpc-connectivity").input.ConnectivityInfo).toEqual({
        VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true }, Scram: { Enabled: true } }, Tls: { Enabled: false } } },
      }),
  },
  {
    name: "SaaS, an existing cluster policy: merged and updated with CurrentVersion (PutClusterPolicy)",
    input: saasInput({
      authModes: ["tls"],
      clusterFacts: cluster({
        multiVpc: { iam: false, scram: false, tls: true },
        clusterPolicy: {
          currentVersion: "KTVPDKIKX0DER",
          policy: { Version: "2012-10-17", Statement: [{ Sid: "Other", Effect: "Allow", Principal: { AWS: "arn:aws:iam::444444444444:root" }, Action: "kafka:DescribeCluster", Resource: CLUSTER_ARN }] },
        },
      }),
    }),
    scenario: "saas",
    method: "multi-vpc-private-connectivity",
    steps: ["put-cluster-policy"],
    check: (plan) => {
      const put = step(plan, "put-cluster-policy");
      expect(put.input.CurrentVersion).toBe("KTVPDKIKX0DER");
      const policy = JSON.parse(String(put.input.Policy)) as { Statement: Array<{ Sid: string }> };
      expect(policy.Statement.map((s) => s.Sid)).toEqual(["Other", "MskPortalVpcConnection333333333333"]);
      expect(put.undo?.input).toMatchObject({ CurrentVersion: { $ref: "put-cluster-policy.CurrentVersion" } });
    },
  },
  {
    name: "SaaS, already enabled and granted: nothing to do",
    input: saasInput({
      authModes: ["tls"],
      clusterFacts: cluster({
        multiVpc: { iam: false, scram: false, tls: true },
        clusterPolicy: {
          currentVersion: "V1",
          policy: {
            Version: "2012-10-17",
            Statement: [
              {
                Sid: "MskPortalVpcConnection333333333333",
                Effect: "Allow",
                Principal: { AWS: "arn:aws:iam::333333333333:root" },
                Action: ["kafka:CreateVpcConnection", "kafka:GetBootstrapBrokers", "kafka:DescribeCluster", "kafka:DescribeClusterV2"],
                Resource: CLUSTER_ARN,
              },
            ],
          },
        },
      }),
    }),
    scenario: "saas",
    method: "multi-vpc-private-connectivity",
    steps: [],
    infos: ["already-satisfied"],
  },
  {
    name: "SaaS asking for plaintext: blocked (multi-VPC: no plaintext or unauthenticated)",
    input: saasInput({ authModes: ["plaintext"], clusterFacts: cluster({ enabledAuthModes: ["iam", "plaintext"] }) }),
    scenario: "saas",
    method: "multi-vpc-private-connectivity",
    steps: ["put-cluster-policy"],
    blocks: ["multi-vpc-plaintext"],
  },
  {
    name: "SaaS, Kafka 2.6.2: blocked (multi-VPC needs Kafka 2.7.1+)",
    input: saasInput({ clusterFacts: cluster({ kafkaVersion: "2.6.2" }) }),
    scenario: "saas",
    method: "multi-vpc-private-connectivity",
    steps: ["enable-multi-vpc-connectivity", "put-cluster-policy"],
    blocks: ["multi-vpc-kafka-version"],
  },
  {
    name: "SaaS on kafka.t3.small brokers: blocked",
    input: saasInput({ clusterFacts: cluster({ instanceType: "kafka.t3.small" }) }),
    scenario: "saas",
    method: "multi-vpc-private-connectivity",
    steps: ["enable-multi-vpc-connectivity", "put-cluster-policy"],
    blocks: ["multi-vpc-instance-type"],
  },
  {
    name: "SaaS asking for an auth mode the cluster lacks: blocked",
    input: saasInput({ authModes: ["scram"], clusterFacts: cluster({ enabledAuthModes: ["iam"] }) }),
    scenario: "saas",
    method: "multi-vpc-private-connectivity",
    steps: ["enable-multi-vpc-connectivity", "put-cluster-policy"],
    blocks: ["auth-mode-not-enabled"],
  },

  // A VPC client that chose multi-VPC private connectivity
  {
    name: "overlapping VPC in the same Region via multi-VPC: no overlap block, one VPC connection",
    input: vpcInput({
      clientFacts: client({ accountId: APP_ACCOUNT, cidrs: ["10.10.0.0/16"] }),
      clusterFacts: cluster({ multiVpc: { iam: true, scram: false, tls: false }, bootstrap: MULTI_VPC_BOOTSTRAP }),
      preferredMethod: "multi-vpc-private-connectivity",
    }),
    scenario: "cross-account",
    method: "multi-vpc-private-connectivity",
    steps: ["put-cluster-policy", "create-vpc-connection-sg", "create-vpc-connection:iam"],
    ports: multiVpcPortRange(),
    check: (plan) =>
      expect(step(plan, "create-vpc-connection:iam")).toMatchObject({
        account: APP_ACCOUNT,
        command: "CreateVpcConnectionCommand",
        dependsOn: ["put-cluster-policy", "create-vpc-connection-sg"],
        input: {
          TargetClusterArn: CLUSTER_ARN,
          Authentication: "SASL_IAM",
          VpcId: "vpc-0bbb0001",
          ClientSubnets: ["subnet-0bbb0011", "subnet-0bbb0012"],
          SecurityGroups: [{ $ref: "create-vpc-connection-sg.GroupId" }],
          Tags: { "msk-portal:request-id": "req-1", "msk-portal:step": "create-vpc-connection:iam" },
        },
      }),
  },
  {
    name: "multi-VPC with the client's only subnet in a zone the brokers do not use: blocked (multi-VPC: zone IDs must match)",
    input: vpcInput({
      clientFacts: client({
        subnets: [{ subnetId: "subnet-0bbb0019", azId: "use1-az3", routeTableId: "rtb-0bbb0101", cidr: "10.20.9.0/24" }],
      }),
      clusterFacts: cluster({ multiVpc: { iam: true, scram: false, tls: false } }),
      preferredMethod: "multi-vpc-private-connectivity",
    }),
    scenario: "cross-vpc",
    method: "multi-vpc-private-connectivity",
    steps: ["create-vpc-connection-sg", "create-vpc-connection:iam"],
    blocks: ["multi-vpc-zone-coverage"],
  },
  {
    name: "multi-VPC for a client in another Region: blocked (multi-VPC: same Region only)",
    input: vpcInput({ clientFacts: client({ region: "eu-west-1" }), preferredMethod: "multi-vpc-private-connectivity" }),
    scenario: "cross-region",
    method: "multi-vpc-private-connectivity",
    steps: ["enable-multi-vpc-connectivity", "create-vpc-connection-sg", "create-vpc-connection:iam"],
    blocks: ["multi-vpc-other-region"],
  },
  {
    name: "multi-VPC with IAM and TLS: one VPC connection per scheme",
    input: vpcInput({ clientFacts: client({ accountId: APP_ACCOUNT }), authModes: ["iam", "tls"], preferredMethod: "multi-vpc-private-connectivity" }),
    scenario: "cross-account",
    method: "multi-vpc-private-connectivity",
    steps: ["enable-multi-vpc-connectivity", "put-cluster-policy", "create-vpc-connection-sg", "create-vpc-connection:iam", "create-vpc-connection:tls"],
    infos: ["multi-vpc-one-scheme-per-connection"],
  },
];

describe("planConnection", () => {
  it.each(CASES)("$name", (c) => {
    const plan = planConnection(c.input);
    expect(plan.scenario).toBe(c.scenario);
    expect(plan.method).toBe(c.method);
    expect(plan.steps.map((s) => s.key)).toEqual(c.steps);
    expect(codes(plan, "block")).toEqual([...(c.blocks ?? [])].sort());
    expect(plan.approvable).toBe((c.blocks ?? []).length === 0);
    if (c.warns) expect(codes(plan, "warn")).toEqual([...c.warns].sort());
    for (const info of c.infos ?? []) expect(codes(plan, "info")).toContain(info);
    if (c.ports) expect(plan.ports).toEqual(c.ports);
    c.check?.(plan);
  });

  it.each(CASES)("$name: every step is well formed", (c) => {
    const plan = planConnection(c.input);
    const seen = new Set<string>();
    for (const s of plan.steps) {
      expect(s.command).toMatch(/Command$/);
      expect(s.account).toMatch(/^\d{12}$/);
      expect(s.summary.length).toBeGreaterThan(10);
      for (const d of s.dependsOn) expect(seen.has(d)).toBe(true);
      for (const r of JSON.stringify(s.input).matchAll(/"\$ref":"([^"]+)\.[A-Za-z]+"/g)) expect(seen.has(r[1] ?? "")).toBe(true);
      seen.add(s.key);
    }
    for (const f of plan.preflight) {
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.remedy.length).toBeGreaterThan(5);
    }
  });

  it("is deterministic", () => {
    const input = vpcInput({ clientFacts: crossAccountClient, platformSettings: tgwPlatform });
    expect(planConnection(input)).toEqual(planConnection(input));
  });
});
