import { describeAwsError } from "../aws-errors";
import {
  AcceptTransitGatewayVpcAttachmentCommand,
  AssociateTransitGatewayRouteTableCommand,
  CreateTransitGatewayVpcAttachmentCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  DisassociateTransitGatewayRouteTableCommand,
} from "@aws-sdk/client-ec2";
import { CreateResourceShareCommand } from "@aws-sdk/client-ram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { eventually } from "../testing/eventually";
import { discoverClusterFacts } from "./discover-cluster-facts";
import { discoverTransitHub } from "./discover-transit-hub";
import { DiscoveryFieldError } from "./discovery-field-error";

const HUB = {
  accountId: "333333333333",
  region: "us-east-1",
  transitGatewayId: "tgw-0ccc0000000000001",
  routeTables: {
    sharedServices: "tgw-rtb-0ccc0000000000002",
    spokes: "tgw-rtb-0ccc0000000000002",
    onPrem: "tgw-rtb-0ccc0000000000001",
  },
};
const TGW_ARN = "arn:aws:ec2:us-east-1:333333333333:transit-gateway/tgw-0ccc0000000000001";
const DEFAULT_RTB = "tgw-rtb-0ccc0000000000003";

let env: SandboxAccess;
beforeAll(async () => {
  env = await startSandboxAccess();
});
afterAll(async () => {
  await env.close();
});

describe("discoverTransitHub", () => {
  it("reads the TGW, its options, the Direct Connect gateway association and the hub tables' routes", async () => {
    const hub = await discoverTransitHub(env.access, HUB);
    expect(hub).toEqual({
      ...HUB,
      transitGatewayArn: TGW_ARN,
      autoAcceptSharedAttachments: false,
      securityGroupReferencingSupport: false,
      // The demo hub keeps CreateTransitGateway's defaults: both on, into the table AWS made.
      defaultRouteTables: { association: DEFAULT_RTB, propagation: DEFAULT_RTB },
      // Read with Direct Connect in the DX gateway's owner, here the transit account: what AWS advertises
      // to on-premises. What on-premises advertises is in the routes the DX attachment propagated.
      dxGatewayAssociation: {
        dxGatewayId: "5f2e7a1b-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
        associationId: "8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f",
        state: "associated",
        allowedPrefixes: ["10.0.0.0/16"],
      },
      dxGatewayOwnerAccountId: "333333333333",
      routes: {
        "tgw-rtb-0ccc0000000000001": [],
        "tgw-rtb-0ccc0000000000002": [
          { destinationCidr: "192.168.0.0/16", type: "propagated", state: "active", attachmentId: "tgw-attach-0ccc0000000000001" },
          { destinationCidr: "172.16.0.0/16", type: "propagated", state: "active", attachmentId: "tgw-attach-0ccc0000000000001" },
        ],
      },
      share: null,
    });
  });

  it("finds the RAM share, its principals and the invitation an outside account has not accepted", async () => {
    const ram = env.access.ram("333333333333", "us-east-1");
    const created = await ram.send(
      new CreateResourceShareCommand({
        name: "transit-hub",
        resourceArns: [TGW_ARN],
        principals: ["111111111111", "444444444444"],
        allowExternalPrincipals: true,
      }),
    );
    const shareArn = created.resourceShare?.resourceShareArn ?? "";
    const hub = await discoverTransitHub(env.access, HUB);
    expect(hub.share?.resourceShareArn).toBe(shareArn);
    expect(hub.share?.principals).toEqual(["111111111111", "444444444444"]);
    expect(hub.share?.pendingInvitations).toEqual([
      {
        accountId: "444444444444",
        invitationArn: expect.stringMatching(/^arn:aws:ram:us-east-1:333333333333:resource-share-invitation\//),
      },
    ]);
    await env.control("POST", "/_sandbox/reset");
  });

  it("names the route table field the TGW does not have", async () => {
    const error = await discoverTransitHub(env.access, {
      ...HUB,
      routeTables: { ...HUB.routeTables, onPrem: "tgw-rtb-0ccc00000000000ff" },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DiscoveryFieldError);
    expect((error as DiscoveryFieldError).fieldErrors()).toEqual({
      "routeTables.onPrem": ["tgw-rtb-0ccc00000000000ff is not a route table of tgw-0ccc0000000000001"],
    });
  });

  // The cluster owner's role may read transit gateways (Reachability Analyzer reads them as the caller), so the
  // wrong account is told as what it is: the TGW is not one it owns.
  it("says the TGW is not the account's when the hub is registered in the wrong account", async () => {
    const error = await discoverTransitHub(env.access, { ...HUB, accountId: "111111111111" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(describeAwsError(error).message).toContain("transitGatewayId: tgw-0ccc0000000000001 is not a transit gateway owned by 111111111111 in us-east-1");
  });
});

describe("TGW attachments in cluster facts", () => {
  it("shows the MSK VPC's attachment with its AZs, state, and the default association AWS gave it", async () => {
    const orders = "arn:aws:kafka:us-east-1:111111111111:cluster/orders-prod/7d0c7a4e-1b2c-4d3e-9f40-000000000001-1";
    await env.access
      .ram("333333333333", "us-east-1")
      .send(new CreateResourceShareCommand({ name: "hub", resourceArns: [TGW_ARN], principals: ["111111111111"] }));
    const created = await env.access.ec2("111111111111", "us-east-1").send(
      new CreateTransitGatewayVpcAttachmentCommand({
        TransitGatewayId: HUB.transitGatewayId,
        VpcId: "vpc-0aaa0000000000001",
        SubnetIds: ["subnet-0aaa0000000000001", "subnet-0aaa0000000000002", "subnet-0aaa0000000000003"],
      }),
    );
    const attachmentId = created.TransitGatewayVpcAttachment?.TransitGatewayAttachmentId ?? "";

    const pending = await discoverClusterFacts(env.access, orders);
    expect(pending.tgwAttachments).toEqual([
      {
        attachmentId,
        transitGatewayId: HUB.transitGatewayId,
        state: "pendingAcceptance",
        subnetIds: ["subnet-0aaa0000000000001", "subnet-0aaa0000000000002", "subnet-0aaa0000000000003"],
        azIds: ["use1-az1", "use1-az2", "use1-az4"],
        securityGroupReferencingSupport: true,
        associatedRouteTableId: null,
        propagatedRouteTableIds: [],
      },
    ]);

    const transit = env.access.ec2("333333333333", "us-east-1");
    await transit.send(new AcceptTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: attachmentId }));
    await eventually(async () => {
      const out = await transit.send(
        new DescribeTransitGatewayVpcAttachmentsCommand({ TransitGatewayAttachmentIds: [attachmentId] }),
      );
      return out.TransitGatewayVpcAttachments?.[0]?.State === "available";
    });
    const available = await discoverClusterFacts(env.access, orders);
    expect(available.tgwAttachments[0]).toMatchObject({ state: "available", associatedRouteTableId: DEFAULT_RTB });
    await transit.send(
      new DisassociateTransitGatewayRouteTableCommand({
        TransitGatewayAttachmentId: attachmentId,
        TransitGatewayRouteTableId: DEFAULT_RTB,
      }),
    );
    await transit.send(
      new AssociateTransitGatewayRouteTableCommand({
        TransitGatewayAttachmentId: attachmentId,
        TransitGatewayRouteTableId: HUB.routeTables.sharedServices,
      }),
    );
    const moved = await discoverClusterFacts(env.access, orders);
    expect(moved.tgwAttachments[0]).toMatchObject({ associatedRouteTableId: HUB.routeTables.sharedServices });
    await env.control("POST", "/_sandbox/reset");
  });
});
