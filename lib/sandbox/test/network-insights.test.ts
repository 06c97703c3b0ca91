import {
  CreateNetworkAclEntryCommand,
  CreateTransitGatewayRouteCommand,
  CreateNetworkInsightsPathCommand,
  CreateNetworkInterfaceCommand,
  DeleteNetworkInsightsAnalysisCommand,
  DeleteNetworkInsightsPathCommand,
  DeleteNetworkInterfaceCommand,
  DeleteRouteCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInsightsAnalysesCommand,
  DisableTransitGatewayRouteTablePropagationCommand,
  DisassociateTransitGatewayRouteTableCommand,
  RevokeSecurityGroupIngressCommand,
  StartNetworkInsightsAnalysisCommand,
  type EC2Client,
  type NetworkInsightsAnalysis,
} from "@aws-sdk/client-ec2";
import { ListNodesCommand } from "@aws-sdk/client-kafka";
import { afterEach, describe, expect, it } from "vitest";
import type { SandboxTopology } from "../index";
import { ACCOUNTS, errorOf, eventually, startHarness, UNRESTRICTED_TOPOLOGY, type Harness } from "./harness";

const CLUSTER = "arn:aws:kafka:us-east-1:111111111111:cluster/orders-prod/7d0c7a4e-1b2c-4d3e-9f40-000000000001-1";
const PCX = "pcx-0eee0000000000001";
const TGW = "tgw-0ccc0000000000001";
const VPCS_RTB = "tgw-rtb-0ccc0000000000002";
const MSK_ATTACHMENT = "tgw-attach-0eee0000000000001";
const PAYMENTS_ATTACHMENT = "tgw-attach-0eee0000000000002";
const BROKER_RTBS = ["rtb-0aaa0000000000001", "rtb-0aaa0000000000002", "rtb-0aaa0000000000003"];

/**
 * The default world with two working paths to orders-prod's brokers on 9098, built as a platform team
 * would have: the platform-apps VPC (10.1.0.0/16, same account) over a peering, and payments-apps
 * (10.20.0.0/16, another account) over the transit gateway's "vpcs" table.
 */
function connectedTopology(): SandboxTopology {
  const t = structuredClone(UNRESTRICTED_TOPOLOGY);
  const msk = t.accounts.find((a) => a.id === ACCOUNTS.msk)!;
  const apps = t.accounts.find((a) => a.id === ACCOUNTS.apps)!;
  const transit = t.accounts.find((a) => a.id === ACCOUNTS.transit)!;
  const [mskVpc, platformApps] = msk.vpcs!;
  t.peerings = [...(t.peerings ?? []), { id: PCX, requesterVpcId: platformApps!.id, accepterVpcId: mskVpc!.id }];
  for (const table of mskVpc!.routeTables!) {
    if (!BROKER_RTBS.includes(table.id)) continue;
    table.routes = [
      { destinationCidrBlock: "10.1.0.0/16", vpcPeeringConnectionId: PCX },
      { destinationCidrBlock: "10.20.0.0/16", transitGatewayId: TGW },
    ];
  }
  platformApps!.routeTables![0]!.routes = [{ destinationCidrBlock: "10.0.0.0/16", vpcPeeringConnectionId: PCX }];
  const payments = apps.vpcs!.find((v) => v.id === "vpc-0bbb0000000000001")!;
  for (const table of payments.routeTables!) table.routes = [{ destinationCidrBlock: "10.0.0.0/16", transitGatewayId: TGW }];
  mskVpc!.securityGroups!.find((g) => g.id === "sg-0aaa0000000000001")!.ingressRules = [
    { ipProtocol: "tcp", fromPort: 9098, toPort: 9098, cidrIpv4: "10.1.0.0/16" },
    { ipProtocol: "tcp", fromPort: 9098, toPort: 9098, cidrIpv4: "10.20.0.0/16" },
  ];
  const tgw = transit.transitGateways!.find((g) => g.id === TGW)!;
  tgw.vpcAttachments = [
    {
      id: MSK_ATTACHMENT,
      vpcId: mskVpc!.id,
      subnetIds: ["subnet-0aaa0000000000001", "subnet-0aaa0000000000002", "subnet-0aaa0000000000003"],
      associatedRouteTableId: VPCS_RTB,
      propagatesToRouteTableIds: [VPCS_RTB],
    },
    {
      id: PAYMENTS_ATTACHMENT,
      vpcId: payments.id,
      subnetIds: ["subnet-0bbb0000000000001", "subnet-0bbb0000000000002"],
      associatedRouteTableId: VPCS_RTB,
      propagatesToRouteTableIds: [VPCS_RTB],
    },
  ];
  return t;
}

let h: Harness;
afterEach(() => h?.sandbox.close());

async function brokerEni(): Promise<{ id: string; ip: string }> {
  const nodes = await h.kafka(await h.assume(ACCOUNTS.msk)).send(new ListNodesCommand({ ClusterArn: CLUSTER }));
  const broker = nodes.NodeInfoList?.[0]?.BrokerNodeInfo;
  return { id: broker?.AttachedENIId ?? "", ip: broker?.ClientVpcIpAddress ?? "" };
}

async function clientEni(accountId: string, subnetId: string, groupId: string): Promise<string> {
  const out = await h.ec2(await h.assume(accountId)).send(
    new CreateNetworkInterfaceCommand({ SubnetId: subnetId, Groups: [groupId], Description: "path analysis source" }),
  );
  return out.NetworkInterface?.NetworkInterfaceId ?? "";
}

/** Runs one analysis as `caller` and waits for its answer, then cleans up the analysis and the path. */
async function analyse(caller: EC2Client, source: string, destination: string, port = 9098): Promise<NetworkInsightsAnalysis> {
  const path = await caller.send(new CreateNetworkInsightsPathCommand({ Source: source, Destination: destination, Protocol: "tcp", DestinationPort: port }));
  const pathId = path.NetworkInsightsPath?.NetworkInsightsPathId ?? "";
  const started = await caller.send(new StartNetworkInsightsAnalysisCommand({ NetworkInsightsPathId: pathId }));
  expect(started.NetworkInsightsAnalysis?.Status).toBe("running");
  const id = started.NetworkInsightsAnalysis?.NetworkInsightsAnalysisId ?? "";
  const done = await eventually(
    () => caller.send(new DescribeNetworkInsightsAnalysesCommand({ NetworkInsightsAnalysisIds: [id] })),
    (r) => r.NetworkInsightsAnalyses?.[0]?.Status !== "running",
  );
  expect((await errorOf(caller.send(new DeleteNetworkInsightsPathCommand({ NetworkInsightsPathId: pathId })))).name).toBe(
    "AnalysisExistsForNetworkInsightsPath",
  );
  await caller.send(new DeleteNetworkInsightsAnalysisCommand({ NetworkInsightsAnalysisId: id }));
  await caller.send(new DeleteNetworkInsightsPathCommand({ NetworkInsightsPathId: pathId }));
  return done.NetworkInsightsAnalyses?.[0] ?? {};
}

const codes = (a: NetworkInsightsAnalysis) => (a.Explanations ?? []).map((e) => e.ExplanationCode);
const hops = (a: NetworkInsightsAnalysis, which: "ForwardPathComponents" | "ReturnPathComponents") =>
  (a[which] ?? []).map((c) => c.Component?.Id);

describe("Reachability Analyzer over a peering (same account)", () => {
  async function setUp() {
    h = await startHarness({ topology: connectedTopology() });
    const msk = await h.assume(ACCOUNTS.msk);
    const source = await clientEni(ACCOUNTS.msk, "subnet-0aaa0000000000011", "sg-0aaa0000000000011");
    return { ec2: h.ec2(msk), source, broker: await brokerEni() };
  }

  it("finds the path hop by hop, both ways", async () => {
    const { ec2, source, broker } = await setUp();
    expect(broker.ip).toBe("10.0.1.10");
    const a = await analyse(ec2, source, broker.id);
    expect(a).toMatchObject({ Status: "succeeded", NetworkPathFound: true });
    expect(a.Explanations ?? []).toEqual([]);
    expect(hops(a, "ForwardPathComponents")).toEqual([
      source,
      "sg-0aaa0000000000011",
      expect.stringMatching(/^acl-/),
      "rtb-0aaa0000000000011",
      PCX,
      expect.stringMatching(/^acl-/),
      "sg-0aaa0000000000001",
      broker.id,
    ]);
    expect(a.ForwardPathComponents?.[3]?.RouteTableRoute).toMatchObject({ DestinationCidr: "10.0.0.0/16", VpcPeeringConnectionId: PCX });
    expect(a.ForwardPathComponents?.[6]?.SecurityGroupRule).toMatchObject({ Cidr: "10.1.0.0/16", Direction: "ingress", PortRange: { From: 9098, To: 9098 } });
    expect(hops(a, "ReturnPathComponents")).toContain("rtb-0aaa0000000000001");
    expect(a.ForwardPathComponents?.map((c) => c.SequenceNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("names the client route table when its route is gone", async () => {
    const { ec2, source, broker } = await setUp();
    await ec2.send(new DeleteRouteCommand({ RouteTableId: "rtb-0aaa0000000000011", DestinationCidrBlock: "10.0.0.0/16" }));
    const a = await analyse(ec2, source, broker.id);
    expect(a.NetworkPathFound).toBe(false);
    expect(a.Explanations?.[0]).toMatchObject({ ExplanationCode: "NO_ROUTE_TO_DESTINATION", RouteTable: { Id: "rtb-0aaa0000000000011" }, Destination: { Id: broker.id } });
  });

  it("checks the way back: no route from the brokers' subnet to the client", async () => {
    const { ec2, source, broker } = await setUp();
    await ec2.send(new DeleteRouteCommand({ RouteTableId: "rtb-0aaa0000000000001", DestinationCidrBlock: "10.1.0.0/16" }));
    const a = await analyse(ec2, source, broker.id);
    expect(a.NetworkPathFound).toBe(false);
    expect(a.Explanations?.[0]).toMatchObject({ ExplanationCode: "NO_ROUTE_TO_DESTINATION", RouteTable: { Id: "rtb-0aaa0000000000001" }, Destination: { Id: source } });
    expect(hops(a, "ForwardPathComponents")).toContain(broker.id);
  });

  it("names the brokers' security group when no rule admits the client", async () => {
    const { ec2, source, broker } = await setUp();
    await ec2.send(
      new RevokeSecurityGroupIngressCommand({
        GroupId: "sg-0aaa0000000000001",
        IpPermissions: [{ IpProtocol: "tcp", FromPort: 9098, ToPort: 9098, IpRanges: [{ CidrIp: "10.1.0.0/16" }] }],
      }),
    );
    const a = await analyse(ec2, source, broker.id);
    expect(a.Explanations?.[0]).toMatchObject({
      ExplanationCode: "ENI_SG_RULES_MISMATCH",
      Direction: "ingress",
      NetworkInterface: { Id: broker.id },
      SecurityGroups: [{ Id: "sg-0aaa0000000000001" }],
    });
    // Another port the rule never admitted fails the same way, while 9098 from the TGW's VPC stays open.
    const other = await analyse(ec2, source, broker.id, 9096);
    expect(codes(other)).toEqual(["ENI_SG_RULES_MISMATCH"]);
  });

  it("names the network ACL entry that denies the traffic", async () => {
    const { ec2, source, broker } = await setUp();
    const acls = await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: "vpc-id", Values: ["vpc-0aaa0000000000001"] }] }));
    const acl = acls.NetworkAcls?.[0];
    expect(acl?.IsDefault).toBe(true);
    expect(acl?.Entries?.map((e) => [e.RuleNumber, e.RuleAction, e.Egress])).toEqual([
      [100, "allow", false],
      [100, "allow", true],
      [32767, "deny", false],
      [32767, "deny", true],
    ]);
    await ec2.send(
      new CreateNetworkAclEntryCommand({
        NetworkAclId: acl?.NetworkAclId,
        RuleNumber: 50,
        Protocol: "6",
        RuleAction: "deny",
        Egress: false,
        CidrBlock: "10.1.0.0/16",
        PortRange: { From: 9090, To: 9099 },
      }),
    );
    const a = await analyse(ec2, source, broker.id);
    expect(a.Explanations?.[0]).toMatchObject({
      ExplanationCode: "SUBNET_ACL_RESTRICTION",
      Direction: "ingress",
      Acl: { Id: acl?.NetworkAclId },
      AclRule: { RuleNumber: 50, RuleAction: "deny", Cidr: "10.1.0.0/16" },
      Subnet: { Id: "subnet-0aaa0000000000001" },
    });
  });

  it("lets the reply back on any ephemeral port an ACL leaves open", async () => {
    const { ec2, source, broker } = await setUp();
    const acl = (await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: "vpc-id", Values: ["vpc-0aaa0000000000001"] }] }))).NetworkAcls?.[0]?.NetworkAclId;
    const deny = (RuleNumber: number, From: number, To: number) =>
      ec2.send(new CreateNetworkAclEntryCommand({ NetworkAclId: acl, RuleNumber, Protocol: "6", RuleAction: "deny", Egress: true, CidrBlock: "10.1.0.0/16", PortRange: { From, To } }));
    await deny(50, 1024, 1100);
    expect((await analyse(ec2, source, broker.id)).NetworkPathFound).toBe(true);
    await deny(51, 1101, 65535);
    const closed = await analyse(ec2, source, broker.id);
    expect(closed.Explanations?.[0]).toMatchObject({ ExplanationCode: "SUBNET_ACL_RESTRICTION", Direction: "egress", AclRule: { RuleNumber: 50 } });
  });

  it("says the peering is not in a working state once it is deleted", async () => {
    const { ec2, source, broker } = await setUp();
    await ec2.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: PCX }));
    const a = await analyse(ec2, source, broker.id);
    expect(a.Explanations?.[0]).toMatchObject({ ExplanationCode: "BAD_STATE", VpcPeeringConnection: { Id: PCX }, State: "deleted" });
  });

  it("reports a source that does not exist, and refuses a path without a destination", async () => {
    const { ec2, broker } = await setUp();
    const a = await analyse(ec2, "eni-0123456789abcdef0", broker.id);
    expect(codes(a)).toEqual(["NO_SOURCE_OR_DESTINATION"]);
    const missing = await errorOf(ec2.send(new CreateNetworkInsightsPathCommand({ Source: "eni-0123456789abcdef0", Protocol: "tcp" })));
    expect(missing.name).toBe("MissingParameter");
    const unknown = await errorOf(ec2.send(new StartNetworkInsightsAnalysisCommand({ NetworkInsightsPathId: "nip-0123456789abcdef0" })));
    expect(unknown.name).toBe("InvalidNetworkInsightsPathId.NotFound");
  });

  it("keeps a broker's network interface from being deleted, and deletes the portal's own", async () => {
    const { ec2, source, broker } = await setUp();
    expect((await errorOf(ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: broker.id })))).name).toBe("OperationNotPermitted");
    await ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: source }));
    expect((await errorOf(ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: source })))).name).toBe(
      "InvalidNetworkInterfaceID.NotFound",
    );
  });
});

describe("Reachability Analyzer through the transit gateway (another account)", () => {
  async function setUp() {
    h = await startHarness({ topology: connectedTopology() });
    const source = await clientEni(ACCOUNTS.apps, "subnet-0bbb0000000000001", "sg-0bbb0000000000001");
    const sourceArn = `arn:aws:ec2:us-east-1:${ACCOUNTS.apps}:network-interface/${source}`;
    return { msk: h.ec2(await h.assume(ACCOUNTS.msk)), transit: h.ec2(await h.assume(ACCOUNTS.transit)), source, sourceArn, broker: await brokerEni() };
  }

  it("finds the path from the delegated administrator's account, forward only as AWS analyses TCP through a TGW", async () => {
    const { msk, source, sourceArn, broker } = await setUp();
    const a = await analyse(msk, sourceArn, broker.id);
    expect(a).toMatchObject({ Status: "succeeded", NetworkPathFound: true });
    expect(hops(a, "ForwardPathComponents")).toEqual([
      source,
      "sg-0bbb0000000000001",
      expect.stringMatching(/^acl-/),
      "rtb-0bbb0000000000001",
      PAYMENTS_ATTACHMENT,
      TGW,
      MSK_ATTACHMENT,
      expect.stringMatching(/^acl-/),
      "sg-0aaa0000000000001",
      broker.id,
    ]);
    expect(a.ForwardPathComponents?.[5]?.TransitGatewayRouteTableRoute).toMatchObject({ DestinationCidr: "10.0.0.0/16", RouteOrigin: "propagated", AttachmentId: MSK_ATTACHMENT });
    expect(a.ReturnPathComponents ?? []).toEqual([]);
  });

  it("fails, naming the resource, without trusted access for the calling account", async () => {
    const { sourceArn, broker } = await setUp();
    const apps = h.ec2(await h.assume(ACCOUNTS.apps));
    const brokerArn = `arn:aws:ec2:us-east-1:${ACCOUNTS.msk}:network-interface/${broker.id}`;
    const a = await analyse(apps, sourceArn, brokerArn);
    expect(a.Status).toBe("failed");
    expect(a.StatusMessage).toMatch(/^The request failed due to inaccessible resource arn:aws:ec2:us-east-1:\d{12}:/);
  });

  it("names the attachment that lost its route table association", async () => {
    const { msk, transit, sourceArn, broker } = await setUp();
    await transit.send(new DisassociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: VPCS_RTB, TransitGatewayAttachmentId: PAYMENTS_ATTACHMENT }));
    await eventually(
      () => analyse(msk, sourceArn, broker.id),
      (a) => codes(a)[0] === "TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION",
    ).then((a) => expect(a.Explanations?.[0]).toMatchObject({ TransitGatewayAttachment: { Id: PAYMENTS_ATTACHMENT } }));
  });

  it("names the TGW route table with no route to the brokers' attachment once propagation is off", async () => {
    const { msk, transit, sourceArn, broker } = await setUp();
    await transit.send(new DisableTransitGatewayRouteTablePropagationCommand({ TransitGatewayRouteTableId: VPCS_RTB, TransitGatewayAttachmentId: MSK_ATTACHMENT }));
    const a = await analyse(msk, sourceArn, broker.id);
    expect(a.Explanations?.[0]).toMatchObject({
      ExplanationCode: "TGW_RTB_NO_ROUTE_TO_TGW_ATTACHMENT",
      TransitGatewayRouteTable: { Id: VPCS_RTB },
      TransitGatewayAttachment: { Id: MSK_ATTACHMENT },
    });
  });

  it("names a blackhole route in the TGW route table", async () => {
    const { msk, transit, sourceArn, broker } = await setUp();
    await transit.send(new CreateTransitGatewayRouteCommand({ TransitGatewayRouteTableId: VPCS_RTB, DestinationCidrBlock: "10.0.1.0/24", Blackhole: true }));
    const a = await analyse(msk, sourceArn, broker.id);
    expect(a.Explanations?.[0]).toMatchObject({
      ExplanationCode: "TGW_RTB_BAD_STATE_ROUTE",
      TransitGatewayRouteTable: { Id: VPCS_RTB },
      TransitGatewayRouteTableRoute: { DestinationCidr: "10.0.1.0/24", State: "blackhole" },
    });
  });
});
