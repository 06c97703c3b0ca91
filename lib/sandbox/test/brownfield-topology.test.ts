import {
  AcceptTransitGatewayVpcAttachmentCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeTransitGatewayAttachmentsCommand,
  DescribeTransitGatewaysCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  DescribeVpcPeeringConnectionsCommand,
  GetTransitGatewayRouteTablePropagationsCommand,
  SearchTransitGatewayRoutesCommand,
} from "@aws-sdk/client-ec2";
import { GetBootstrapBrokersCommand, GetClusterPolicyCommand, ListClientVpcConnectionsCommand } from "@aws-sdk/client-kafka";
import {
  AcceptResourceShareInvitationCommand,
  GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
} from "@aws-sdk/client-ram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWNFIELD_TOPOLOGY_FILE, loadTopologyFile } from "../index";
import { ACCOUNTS, eventually, startHarness, type Harness } from "./harness";

const ORDERS = "arn:aws:kafka:us-east-1:111111111111:cluster/orders-prod/7d0c7a4e-1b2c-4d3e-9f40-000000000001-1";
const SHARE = "arn:aws:ram:us-east-1:333333333333:resource-share/0e0e0e0e-0000-4000-8000-000000000001";
const INVITATION = "arn:aws:ram:us-east-1:333333333333:resource-share-invitation/0e0e0e0e-0000-4000-8000-000000000002";

const topology = loadTopologyFile(BROWNFIELD_TOPOLOGY_FILE);
let h: Harness;
beforeAll(async () => {
  // Unrestricted roles: this file checks what AWS reports, not the role kit.
  h = await startHarness({ topology: { ...topology, accounts: topology.accounts.map((a) => ({ ...a, roleKind: undefined })) } });
});
afterAll(() => h.sandbox.close());

const ec2 = async (account: string) => h.ec2(await h.assume(account));

describe("a brownfield topology file, as the AWS APIs report it", () => {
  it("peerings keep their ids and states, seen from both sides", async () => {
    const out = await (await ec2(ACCOUNTS.msk)).send(new DescribeVpcPeeringConnectionsCommand({}));
    const status = Object.fromEntries((out.VpcPeeringConnections ?? []).map((p) => [p.VpcPeeringConnectionId, p.Status?.Code]));
    expect(status).toEqual({
      "pcx-0e0e0000000000001": "active",
      "pcx-0e0e0000000000002": "deleted",
      "pcx-0e0e0000000000003": "pending-acceptance",
      "pcx-0e0e0000000000004": "rejected",
    });
    const accepted = await (await ec2(ACCOUNTS.apps)).send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: ["pcx-0e0e0000000000001"] }));
    const p = accepted.VpcPeeringConnections?.[0];
    expect([p?.RequesterVpcInfo?.OwnerId, p?.RequesterVpcInfo?.CidrBlock, p?.AccepterVpcInfo?.OwnerId, p?.AccepterVpcInfo?.CidrBlock]).toEqual([
      ACCOUNTS.msk, "10.0.0.0/16", ACCOUNTS.apps, "10.20.0.0/16",
    ]);
    expect(p?.RequesterVpcInfo?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc).toBe(false);
  });

  it("routes show the state their target gives them: active peering, deleted peering, igw, TGW", async () => {
    const routes = async (account: string, id: string) =>
      ((await (await ec2(account)).send(new DescribeRouteTablesCommand({ RouteTableIds: [id] }))).RouteTables?.[0]?.Routes ?? []).map(
        (r) => `${r.DestinationCidrBlock} ${r.VpcPeeringConnectionId ?? r.TransitGatewayId ?? r.GatewayId} ${r.State}`,
      );
    expect(await routes(ACCOUNTS.msk, "rtb-0aaa0000000000001")).toEqual([
      "10.0.0.0/16 local active",
      "10.20.0.0/16 pcx-0e0e0000000000001 active",
      "10.40.0.0/16 pcx-0e0e0000000000002 blackhole",
    ]);
    expect(await routes(ACCOUNTS.apps, "rtb-0bbb0000000000001")).toContain("0.0.0.0/0 igw-0bbb0000000000001 active");
    expect(await routes(ACCOUNTS.transit, "rtb-0ccc0000000000001")).toContain("192.168.0.0/16 tgw-0ccc0000000000001 active");
  });

  it("ingress rules keep their ids; a cross-account group reference names the peering it goes across", async () => {
    const out = await (await ec2(ACCOUNTS.msk)).send(
      new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: ["sg-0aaa0000000000001"] }] }),
    );
    const ingress = (out.SecurityGroupRules ?? []).filter((r) => !r.IsEgress);
    expect(ingress.map((r) => [r.SecurityGroupRuleId, r.FromPort, r.CidrIpv4 ?? `${r.ReferencedGroupInfo?.UserId}/${r.ReferencedGroupInfo?.GroupId}`])).toEqual([
      ["sgr-0e0e0000000000001", 9098, "222222222222/sg-0bbb0000000000001"],
      ["sgr-0e0e0000000000002", 9094, "192.168.0.0/16"],
    ]);
    expect(ingress[0]?.ReferencedGroupInfo?.VpcPeeringConnectionId).toBe("pcx-0e0e0000000000001");
  });

  it("TGW attachments, associations, propagations and static routes are as given, and pendingAcceptance can be accepted", async () => {
    const transit = await ec2(ACCOUNTS.transit);
    const vpcAttachments = await transit.send(new DescribeTransitGatewayVpcAttachmentsCommand({}));
    expect((vpcAttachments.TransitGatewayVpcAttachments ?? []).map((a) => [a.TransitGatewayAttachmentId, a.VpcOwnerId, a.State])).toEqual([
      ["tgw-attach-0e0e0000000000001", ACCOUNTS.transit, "available"],
      ["tgw-attach-0e0e0000000000002", ACCOUNTS.apps, "pendingAcceptance"],
    ]);
    const attachments = await transit.send(new DescribeTransitGatewayAttachmentsCommand({ TransitGatewayAttachmentIds: ["tgw-attach-0e0e0000000000001"] }));
    expect(attachments.TransitGatewayAttachments?.[0]?.Association).toEqual({ TransitGatewayRouteTableId: "tgw-rtb-0ccc0000000000002", State: "associated" });
    const propagations = await transit.send(new GetTransitGatewayRouteTablePropagationsCommand({ TransitGatewayRouteTableId: "tgw-rtb-0ccc0000000000001" }));
    expect((propagations.TransitGatewayRouteTablePropagations ?? []).map((p) => [p.TransitGatewayAttachmentId, p.State])).toEqual([
      ["tgw-attach-0e0e0000000000001", "enabled"],
    ]);
    const search = async (table: string) =>
      ((await transit.send(new SearchTransitGatewayRoutesCommand({ TransitGatewayRouteTableId: table, Filters: [{ Name: "state", Values: ["active", "blackhole"] }] }))).Routes ?? []).map(
        (r) => `${r.DestinationCidrBlock} ${r.Type} ${r.State}`,
      );
    expect(await search("tgw-rtb-0ccc0000000000001")).toEqual(["10.99.0.0/16 static blackhole", "10.60.0.0/16 propagated active"]);
    expect(await search("tgw-rtb-0ccc0000000000002")).toEqual(["10.61.0.0/16 static active"]);
    // The request from the apps account waits for the TGW owner, as a real one would.
    await transit.send(new AcceptTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: "tgw-attach-0e0e0000000000002" }));
    await eventually(
      async () => (await transit.send(new DescribeTransitGatewayVpcAttachmentsCommand({ TransitGatewayAttachmentIds: ["tgw-attach-0e0e0000000000002"] }))).TransitGatewayVpcAttachments?.[0]?.State,
      (s) => s === "available",
    );
  });

  it("the RAM share reaches its Organization member at once and the outside account through a pending invitation", async () => {
    const owner = h.ram(await h.assume(ACCOUNTS.transit));
    const shares = await owner.send(new GetResourceSharesCommand({ resourceOwner: "SELF" }));
    expect((shares.resourceShares ?? []).map((s) => [s.resourceShareArn, s.name, s.status])).toEqual([[SHARE, "transit-hub", "ACTIVE"]]);
    const principals = await owner.send(new GetResourceShareAssociationsCommand({ associationType: "PRINCIPAL", resourceShareArns: [SHARE] }));
    expect((principals.resourceShareAssociations ?? []).map((a) => [a.associatedEntity, a.status])).toEqual([
      [ACCOUNTS.apps, "ASSOCIATED"],
      [ACCOUNTS.saas, "ASSOCIATING"],
    ]);
    const apps = await ec2(ACCOUNTS.apps);
    expect((await apps.send(new DescribeTransitGatewaysCommand({}))).TransitGateways?.map((t) => t.TransitGatewayId)).toEqual(["tgw-0ccc0000000000001"]);

    const saas = h.ram(await h.assume(ACCOUNTS.saas));
    const invitations = await saas.send(new GetResourceShareInvitationsCommand({}));
    expect((invitations.resourceShareInvitations ?? []).map((i) => [i.resourceShareInvitationArn, i.senderAccountId, i.status])).toEqual([
      [INVITATION, ACCOUNTS.transit, "PENDING"],
    ]);
    await saas.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: INVITATION }));
    const after = await owner.send(new GetResourceShareAssociationsCommand({ associationType: "PRINCIPAL", principal: ACCOUNTS.saas }));
    expect(after.resourceShareAssociations?.[0]?.status).toBe("ASSOCIATED");
  });

  it("the cluster has its policy, multi-VPC connectivity on and the SaaS account's VPC connection", async () => {
    const kafka = h.kafka(await h.assume(ACCOUNTS.msk));
    const policy = await kafka.send(new GetClusterPolicyCommand({ ClusterArn: ORDERS }));
    expect(policy.Policy).toBe(topology.accounts[0]?.clusters[0]?.clusterPolicy);
    expect(policy.Policy).toContain("arn:aws:iam::444444444444:root");
    const brokers = await kafka.send(new GetBootstrapBrokersCommand({ ClusterArn: ORDERS }));
    expect(brokers.BootstrapBrokerStringVpcConnectivitySaslIam).toBeTruthy();
    expect(brokers.BootstrapBrokerStringVpcConnectivityTls).toBeUndefined();
    const conns = await kafka.send(new ListClientVpcConnectionsCommand({ ClusterArn: ORDERS }));
    expect((conns.ClientVpcConnections ?? []).map((c) => [c.VpcConnectionArn, c.Owner, c.Authentication, c.State])).toEqual([
      ["arn:aws:kafka:us-east-1:444444444444:vpc-connection/111111111111/orders-prod/0e0e0e0e-0000-4000-8000-000000000003", ACCOUNTS.saas, "SASL_IAM", "AVAILABLE"],
    ]);
  });
});
