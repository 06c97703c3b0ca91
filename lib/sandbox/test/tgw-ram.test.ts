import {
  AcceptTransitGatewayVpcAttachmentCommand,
  AssociateTransitGatewayRouteTableCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateRouteCommand,
  CreateTransitGatewayRouteCommand,
  CreateTransitGatewayVpcAttachmentCommand,
  DeleteTransitGatewayRouteCommand,
  DeleteTransitGatewayVpcAttachmentCommand,
  DescribeRouteTablesCommand,
  DescribeTransitGatewayAttachmentsCommand,
  DescribeTransitGatewayRouteTablesCommand,
  DescribeTransitGatewaysCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  DisableTransitGatewayRouteTablePropagationCommand,
  DisassociateTransitGatewayRouteTableCommand,
  EnableTransitGatewayRouteTablePropagationCommand,
  GetTransitGatewayAttachmentPropagationsCommand,
  GetTransitGatewayRouteTablePropagationsCommand,
  SearchTransitGatewayRoutesCommand,
} from "@aws-sdk/client-ec2";
import {
  AcceptResourceShareInvitationCommand,
  AssociateResourceShareCommand,
  CreateResourceShareCommand,
  DeleteResourceShareCommand,
  DisassociateResourceShareCommand,
  GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
  ListResourcesCommand,
} from "@aws-sdk/client-ram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS, errorOf, eventually, startHarness, type Credentials, type Harness } from "./harness";

const TGW = "tgw-0ccc0000000000001";
const TGW_ARN = `arn:aws:ec2:us-east-1:${ACCOUNTS.transit}:transit-gateway/${TGW}`;
const ONPREM_RTB = "tgw-rtb-0ccc0000000000001";
const VPCS_RTB = "tgw-rtb-0ccc0000000000002";
const DEFAULT_RTB = "tgw-rtb-0ccc0000000000003";
const DX = "tgw-attach-0ccc0000000000001";

let h: Harness;
let msk: Credentials;
let transit: Credentials;
let saas: Credentials;
let apps: Credentials;
beforeAll(async () => {
  h = await startHarness();
  msk = await h.assume(ACCOUNTS.msk);
  transit = await h.assume(ACCOUNTS.transit);
  saas = await h.assume(ACCOUNTS.saas);
  apps = await h.assume(ACCOUNTS.apps);
});
afterAll(() => h.sandbox.close());

describe("transit gateway and RAM", () => {
  it("shows the TGW and the DX gateway attachment to its owner only", async () => {
    const own = await h.ec2(transit).send(new DescribeTransitGatewaysCommand({}));
    expect(own.TransitGateways?.[0]).toMatchObject({
      TransitGatewayId: TGW,
      OwnerId: ACCOUNTS.transit,
      Options: { AutoAcceptSharedAttachments: "disable", SecurityGroupReferencingSupport: "disable" },
    });
    const dx = await h.ec2(transit).send(
      new DescribeTransitGatewayAttachmentsCommand({ Filters: [{ Name: "resource-type", Values: ["direct-connect-gateway"] }] }),
    );
    expect(dx.TransitGatewayAttachments?.[0]).toMatchObject({
      TransitGatewayAttachmentId: DX,
      State: "available",
      Association: { TransitGatewayRouteTableId: ONPREM_RTB, State: "associated" },
    });
    const propagated = await h.ec2(transit).send(
      new SearchTransitGatewayRoutesCommand({ TransitGatewayRouteTableId: VPCS_RTB, Filters: [{ Name: "type", Values: ["propagated"] }] }),
    );
    expect(propagated.Routes?.map((r) => r.DestinationCidrBlock)).toEqual(["192.168.0.0/16", "172.16.0.0/16"]);
    const rtbs = await h.ec2(transit).send(new DescribeTransitGatewayRouteTablesCommand({}));
    expect(rtbs.TransitGatewayRouteTables?.map((r) => r.TransitGatewayRouteTableId)).toEqual([ONPREM_RTB, VPCS_RTB, DEFAULT_RTB]);
    const none = await h.ec2(msk).send(new DescribeTransitGatewaysCommand({}));
    expect(none.TransitGateways).toEqual([]);
    const attach = await errorOf(
      h.ec2(msk).send(new CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: TGW, VpcId: "vpc-0aaa0000000000001", SubnetIds: ["subnet-0aaa0000000000001"] })),
    );
    expect(attach.name).toBe("InvalidTransitGatewayID.NotFound");
  });

  it("shares the TGW inside the Organization without an invitation", async () => {
    const created = await h.ram(transit).send(
      new CreateResourceShareCommand({ name: "transit-hub", resourceArns: [TGW_ARN], principals: [ACCOUNTS.msk], allowExternalPrincipals: false }),
    );
    const shareArn = created.resourceShare?.resourceShareArn ?? "";
    expect(shareArn).toMatch(/^arn:aws:ram:us-east-1:333333333333:resource-share\//);
    expect(created.resourceShare?.creationTime).toBeInstanceOf(Date);
    const assoc = await h.ram(transit).send(new GetResourceShareAssociationsCommand({ associationType: "PRINCIPAL", resourceShareArns: [shareArn] }));
    expect(assoc.resourceShareAssociations?.map((a) => [a.associatedEntity, a.status, a.external])).toEqual([[ACCOUNTS.msk, "ASSOCIATED", false]]);
    const received = await h.ram(msk).send(new GetResourceSharesCommand({ resourceOwner: "OTHER-ACCOUNTS" }));
    expect(received.resourceShares?.map((s) => s.resourceShareArn)).toEqual([shareArn]);
    const resources = await h.ram(msk).send(new ListResourcesCommand({ resourceOwner: "OTHER-ACCOUNTS" }));
    expect(resources.resources?.map((r) => [r.arn, r.type])).toEqual([[TGW_ARN, "ec2:TransitGateway"]]);
    const visible = await h.ec2(msk).send(new DescribeTransitGatewaysCommand({}));
    expect(visible.TransitGateways?.map((t) => t.TransitGatewayId)).toEqual([TGW]);
    const external = await errorOf(
      h.ram(transit).send(new AssociateResourceShareCommand({ resourceShareArn: shareArn, principals: [ACCOUNTS.saas] })),
    );
    expect(external.name).toBe("OperationNotPermittedException");
  });

  it("lists propagations to the TGW's owner: the DX gateway propagates into the VPC route table", async () => {
    const byTable = await h.ec2(transit).send(new GetTransitGatewayRouteTablePropagationsCommand({ TransitGatewayRouteTableId: VPCS_RTB }));
    expect(byTable.TransitGatewayRouteTablePropagations?.map((p) => [p.TransitGatewayAttachmentId, p.ResourceType, p.State])).toEqual([
      [DX, "direct-connect-gateway", "enabled"],
    ]);
    const byAttachment = await h.ec2(transit).send(new GetTransitGatewayAttachmentPropagationsCommand({ TransitGatewayAttachmentId: DX }));
    expect(byAttachment.TransitGatewayAttachmentPropagations?.map((p) => [p.TransitGatewayRouteTableId, p.State])).toEqual([[VPCS_RTB, "enabled"]]);
    const stranger = await errorOf(h.ec2(msk).send(new GetTransitGatewayAttachmentPropagationsCommand({ TransitGatewayAttachmentId: DX })));
    expect(stranger.name).toBe("InvalidTransitGatewayAttachmentID.NotFound");
  });

  it("deletes a share: the receiver no longer sees the TGW, and a second delete is refused", async () => {
    const created = await h.ram(transit).send(
      new CreateResourceShareCommand({ name: "short-lived", resourceArns: [TGW_ARN], principals: [ACCOUNTS.apps], allowExternalPrincipals: false }),
    );
    const shareArn = created.resourceShare?.resourceShareArn ?? "";
    expect((await h.ec2(apps).send(new DescribeTransitGatewaysCommand({}))).TransitGateways?.map((t) => t.TransitGatewayId)).toEqual([TGW]);
    const deleted = await h.ram(transit).send(new DeleteResourceShareCommand({ resourceShareArn: shareArn }));
    expect(deleted.returnValue).toBe(true);
    expect((await h.ec2(apps).send(new DescribeTransitGatewaysCommand({}))).TransitGateways ?? []).toEqual([]);
    const again = await errorOf(h.ram(transit).send(new DeleteResourceShareCommand({ resourceShareArn: shareArn })));
    expect(again.name).toBe("UnknownResourceException");
  });

  it("invites an account outside the Organization, which must accept", async () => {
    const created = await h.ram(transit).send(new CreateResourceShareCommand({ name: "saas-hub", resourceArns: [TGW_ARN], principals: [ACCOUNTS.saas] }));
    const shareArn = created.resourceShare?.resourceShareArn ?? "";
    expect((await h.ec2(saas).send(new DescribeTransitGatewaysCommand({}))).TransitGateways).toEqual([]);
    const inv = await h.ram(saas).send(new GetResourceShareInvitationsCommand({}));
    const invitation = inv.resourceShareInvitations?.[0];
    expect(invitation).toMatchObject({ status: "PENDING", senderAccountId: ACCOUNTS.transit, resourceShareArn: shareArn });
    const accepted = await h.ram(saas).send(
      new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation?.resourceShareInvitationArn }),
    );
    expect(accepted.resourceShareInvitation?.status).toBe("ACCEPTED");
    const twice = await errorOf(
      h.ram(saas).send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation?.resourceShareInvitationArn })),
    );
    expect(twice.name).toBe("ResourceShareInvitationAlreadyAcceptedException");
    expect((await h.ec2(saas).send(new DescribeTransitGatewaysCommand({}))).TransitGateways).toHaveLength(1);
    await h.ram(transit).send(new DisassociateResourceShareCommand({ resourceShareArn: shareArn, principals: [ACCOUNTS.saas] }));
    expect((await h.ec2(saas).send(new DescribeTransitGatewaysCommand({}))).TransitGateways).toEqual([]);
  });

  it("attaches the MSK VPC: pendingAcceptance, accepted by the owner, pending, available; then routes", async () => {
    const badAz = await errorOf(
      h.ec2(msk).send(
        new CreateTransitGatewayVpcAttachmentCommand({
          TransitGatewayId: TGW,
          VpcId: "vpc-0aaa0000000000001",
          SubnetIds: ["subnet-0aaa0000000000001", "subnet-0aaa0000000000004"],
        }),
      ),
    );
    expect(badAz.name).toBe("DuplicateSubnetsInSameZone");
    const created = await h.ec2(msk).send(
      new CreateTransitGatewayVpcAttachmentCommand({
        TransitGatewayId: TGW,
        VpcId: "vpc-0aaa0000000000001",
        SubnetIds: ["subnet-0aaa0000000000001", "subnet-0aaa0000000000002", "subnet-0aaa0000000000003"],
        TagSpecifications: [{ ResourceType: "transit-gateway-attachment", Tags: [{ Key: "portal-request", Value: "r5" }] }],
      }),
    );
    const att = created.TransitGatewayVpcAttachment;
    expect(att?.State).toBe("pendingAcceptance");
    const id = att?.TransitGatewayAttachmentId ?? "";
    const dup = await errorOf(
      h.ec2(msk).send(new CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: TGW, VpcId: "vpc-0aaa0000000000001", SubnetIds: ["subnet-0aaa0000000000001"] })),
    );
    expect(dup.name).toBe("DuplicateTransitGatewayAttachment");
    const early = await errorOf(
      h.ec2(transit).send(new AssociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: VPCS_RTB, TransitGatewayAttachmentId: id })),
    );
    expect(early.name).toBe("IncorrectState");
    const byRequester = await errorOf(h.ec2(msk).send(new AcceptTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: id })));
    expect(byRequester.name).toBe("InvalidTransitGatewayAttachmentID.NotFound");
    const routeEarly = await errorOf(
      h.ec2(msk).send(new CreateRouteCommand({ RouteTableId: "rtb-0aaa0000000000001", DestinationCidrBlock: "192.168.0.0/16", TransitGatewayId: TGW })),
    );
    expect(routeEarly.name).toBe("IncorrectState");
    const accepted = await h.ec2(transit).send(new AcceptTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: id }));
    expect(accepted.TransitGatewayVpcAttachment?.State).toBe("pending");
    const again = await errorOf(h.ec2(transit).send(new AcceptTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: id })));
    expect(again.name).toBe("IncorrectState");
    await eventually(
      () => h.ec2(msk).send(new DescribeTransitGatewayVpcAttachmentsCommand({ TransitGatewayAttachmentIds: [id] })),
      (d) => d.TransitGatewayVpcAttachments?.[0]?.State === "available",
    );

    // The demo TGW put the new attachment in its default table; it moves only after a disassociation.
    await h.ec2(transit).send(new DisassociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: DEFAULT_RTB, TransitGatewayAttachmentId: id }));
    await h.ec2(transit).send(new AssociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: VPCS_RTB, TransitGatewayAttachmentId: id }));
    const twice = await errorOf(
      h.ec2(transit).send(new AssociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: ONPREM_RTB, TransitGatewayAttachmentId: id })),
    );
    expect(twice.name).toBe("Resource.AlreadyAssociated");
    await h.ec2(transit).send(
      new EnableTransitGatewayRouteTablePropagationCommand({ TransitGatewayRouteTableId: ONPREM_RTB, TransitGatewayAttachmentId: id }),
    );
    const onprem = await h.ec2(transit).send(
      new SearchTransitGatewayRoutesCommand({ TransitGatewayRouteTableId: ONPREM_RTB, Filters: [{ Name: "attachment.resource-id", Values: ["vpc-0aaa0000000000001"] }] }),
    );
    expect(onprem.Routes?.map((r) => [r.DestinationCidrBlock, r.Type, r.State])).toEqual([["10.0.0.0/16", "propagated", "active"]]);
    await h.ec2(transit).send(
      new CreateTransitGatewayRouteCommand({ TransitGatewayRouteTableId: VPCS_RTB, DestinationCidrBlock: "10.50.0.0/16", TransitGatewayAttachmentId: id }),
    );
    const dupRoute = await errorOf(
      h.ec2(transit).send(new CreateTransitGatewayRouteCommand({ TransitGatewayRouteTableId: VPCS_RTB, DestinationCidrBlock: "10.50.0.0/16", Blackhole: true })),
    );
    expect(dupRoute.name).toBe("RouteAlreadyExists");
    await h.ec2(transit).send(new DeleteTransitGatewayRouteCommand({ TransitGatewayRouteTableId: VPCS_RTB, DestinationCidrBlock: "10.50.0.0/16" }));
    const gone = await errorOf(
      h.ec2(transit).send(new DeleteTransitGatewayRouteCommand({ TransitGatewayRouteTableId: VPCS_RTB, DestinationCidrBlock: "10.50.0.0/16" })),
    );
    expect(gone.name).toBe("InvalidRoute.NotFound");

    await h.ec2(msk).send(new CreateRouteCommand({ RouteTableId: "rtb-0aaa0000000000001", DestinationCidrBlock: "192.168.0.0/16", TransitGatewayId: TGW }));
    const rt = await h.ec2(msk).send(
      new DescribeRouteTablesCommand({ Filters: [{ Name: "route.transit-gateway-id", Values: [TGW] }] }),
    );
    expect(rt.RouteTables?.[0]?.Routes?.find((r) => r.TransitGatewayId === TGW)?.State).toBe("active");
    const sg = await h.ec2(msk).send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: "sg-0aaa0000000000001",
        IpPermissions: [{ IpProtocol: "tcp", FromPort: 9098, ToPort: 9098, IpRanges: [{ CidrIp: "192.168.0.0/16" }] }],
      }),
    );
    expect(sg.Return).toBe(true);

    await h.ec2(transit).send(
      new DisableTransitGatewayRouteTablePropagationCommand({ TransitGatewayRouteTableId: ONPREM_RTB, TransitGatewayAttachmentId: id }),
    );
    await h.ec2(transit).send(new DisassociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: VPCS_RTB, TransitGatewayAttachmentId: id }));
    const del = await h.ec2(msk).send(new DeleteTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: id }));
    expect(del.TransitGatewayVpcAttachment?.State).toBe("deleting");
    await eventually(
      () => h.ec2(transit).send(new DescribeTransitGatewayAttachmentsCommand({ TransitGatewayAttachmentIds: [id] })),
      (d) => d.TransitGatewayAttachments?.[0]?.State === "deleted",
    );
    const blackholed = await h.ec2(msk).send(new DescribeRouteTablesCommand({ RouteTableIds: ["rtb-0aaa0000000000001"] }));
    expect(blackholed.RouteTables?.[0]?.Routes?.find((r) => r.TransitGatewayId === TGW)?.State).toBe("blackhole");
  });
});
