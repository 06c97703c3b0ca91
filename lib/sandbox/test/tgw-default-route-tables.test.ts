import {
  AcceptTransitGatewayVpcAttachmentCommand,
  AssociateTransitGatewayRouteTableCommand,
  CreateTransitGatewayVpcAttachmentCommand,
  DescribeTransitGatewayAttachmentsCommand,
  DescribeTransitGatewayRouteTablesCommand,
  DescribeTransitGatewaysCommand,
  DisableTransitGatewayRouteTablePropagationCommand,
  DisassociateTransitGatewayRouteTableCommand,
  GetTransitGatewayAttachmentPropagationsCommand,
  SearchTransitGatewayRoutesCommand,
} from "@aws-sdk/client-ec2";
import { CreateResourceShareCommand } from "@aws-sdk/client-ram";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SandboxTopology } from "../topology/schema";
import { ACCOUNTS, errorOf, eventually, startHarness, type Credentials, type Harness } from "./harness";

// AWS: "DefaultRouteTableAssociation / DefaultRouteTablePropagation: Enable or disable automatic association
// with / propagation to the default route table. Enabled by default." With either on, CreateTransitGateway makes
// the default route table and reports it as AssociationDefaultRouteTableId and PropagationDefaultRouteTableId
// (EC2 API reference, TransitGatewayRequestOptions, TransitGatewayOptions). Each new attachment is then associated
// with, and propagates into, that table at once; an attachment has at most one association, so moving it needs
// DisassociateTransitGatewayRouteTable first (Transit Gateway guide, "tgw-route-tables").

const HUB_ACCOUNT = "555555555555";
const VPC = "vpc-05550000000000001";
const SUBNET = "subnet-05550000000000001";
const DEFAULTS_ON = "tgw-05550000000000001";
const DEFAULTS_OFF = "tgw-05550000000000002";
const OWN_TABLE = "tgw-rtb-05550000000000001";
const OFF_TABLE = "tgw-rtb-05550000000000002";

// One account with a VPC and two TGWs: attachments need no acceptance, so AWS applies the defaults at creation.
const TOPOLOGY: SandboxTopology = {
  accounts: [
    {
      id: HUB_ACCOUNT,
      name: "hub-and-spoke",
      vpcs: [
        {
          id: VPC,
          region: "us-east-1",
          cidrBlock: "10.5.0.0/16",
          routeTables: [{ id: "rtb-05550000000000001", main: true }],
          subnets: [{ id: SUBNET, cidrBlock: "10.5.1.0/24", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1" }],
        },
      ],
      transitGateways: [
        // Created as CreateTransitGateway leaves it when no option is given.
        { id: DEFAULTS_ON, region: "us-east-1", routeTables: [{ id: OWN_TABLE }] },
        {
          id: DEFAULTS_OFF,
          region: "us-east-1",
          defaultRouteTableAssociation: "disable",
          defaultRouteTablePropagation: "disable",
          routeTables: [{ id: OFF_TABLE }],
        },
      ],
    },
  ],
};

const association = async (h: Harness, c: Credentials, id: string) =>
  (await h.ec2(c).send(new DescribeTransitGatewayAttachmentsCommand({ TransitGatewayAttachmentIds: [id] }))).TransitGatewayAttachments?.[0];
const propagationsOf = async (h: Harness, c: Credentials, id: string) =>
  (await h.ec2(c).send(new GetTransitGatewayAttachmentPropagationsCommand({ TransitGatewayAttachmentId: id }))).TransitGatewayAttachmentPropagations?.map(
    (p) => [p.TransitGatewayRouteTableId, p.State],
  );

describe("TGW default route tables, a TGW created with AWS's defaults", () => {
  let h: Harness;
  let hub: Credentials;
  let defaultTable: string;
  beforeAll(async () => {
    h = await startHarness({ topology: TOPOLOGY, timeScale: 0.02 });
    hub = await h.assume(HUB_ACCOUNT);
  });
  afterAll(() => h.sandbox.close());
  beforeEach(async () => {
    await h.control("POST", "/_sandbox/reset");
    const tgw = (await h.ec2(hub).send(new DescribeTransitGatewaysCommand({ TransitGatewayIds: [DEFAULTS_ON] }))).TransitGateways?.[0];
    defaultTable = tgw?.Options?.AssociationDefaultRouteTableId ?? "";
  });

  it("has both options on and one default table AWS made, used for association and propagation", async () => {
    const out = await h.ec2(hub).send(new DescribeTransitGatewaysCommand({ TransitGatewayIds: [DEFAULTS_ON, DEFAULTS_OFF] }));
    const [on, off] = out.TransitGateways ?? [];
    expect(defaultTable).toMatch(/^tgw-rtb-0f/);
    expect(on?.Options).toMatchObject({
      DefaultRouteTableAssociation: "enable",
      DefaultRouteTablePropagation: "enable",
      AssociationDefaultRouteTableId: defaultTable,
      PropagationDefaultRouteTableId: defaultTable,
    });
    expect(off?.Options).toMatchObject({ DefaultRouteTableAssociation: "disable", DefaultRouteTablePropagation: "disable" });
    expect(off?.Options?.AssociationDefaultRouteTableId).toBeUndefined();

    const tables = await h.ec2(hub).send(new DescribeTransitGatewayRouteTablesCommand({ Filters: [{ Name: "transit-gateway-id", Values: [DEFAULTS_ON] }] }));
    expect(tables.TransitGatewayRouteTables?.map((t) => [t.TransitGatewayRouteTableId, t.DefaultAssociationRouteTable, t.DefaultPropagationRouteTable])).toEqual([
      [OWN_TABLE, false, false],
      [defaultTable, true, true],
    ]);
    const flagged = await h.ec2(hub).send(
      new DescribeTransitGatewayRouteTablesCommand({ Filters: [{ Name: "default-association-route-table", Values: ["true"] }] }),
    );
    expect(flagged.TransitGatewayRouteTables?.map((t) => t.TransitGatewayRouteTableId)).toEqual([defaultTable]);
    const byOption = await h.ec2(hub).send(
      new DescribeTransitGatewaysCommand({ Filters: [{ Name: "options.default-route-table-propagation", Values: ["disable"] }] }),
    );
    expect(byOption.TransitGateways?.map((t) => t.TransitGatewayId)).toEqual([DEFAULTS_OFF]);
  });

  it("associates a new attachment with the default table and propagates it there at once; nothing moves until it is available", async () => {
    const created = await h.ec2(hub).send(new CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: DEFAULTS_ON, VpcId: VPC, SubnetIds: [SUBNET] }));
    const id = created.TransitGatewayVpcAttachment?.TransitGatewayAttachmentId ?? "";
    expect(created.TransitGatewayVpcAttachment?.State).toBe("pending");
    expect((await association(h, hub, id))?.Association).toEqual({ TransitGatewayRouteTableId: defaultTable, State: "associating" });
    expect(await propagationsOf(h, hub, id)).toEqual([[defaultTable, "enabling"]]);
    // While pending, AWS answers IncorrectState to every association and propagation change.
    const ec2 = h.ec2(hub);
    const early = await Promise.all([
      errorOf(ec2.send(new AssociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: OWN_TABLE, TransitGatewayAttachmentId: id }))),
      errorOf(ec2.send(new DisassociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: defaultTable, TransitGatewayAttachmentId: id }))),
      errorOf(ec2.send(new DisableTransitGatewayRouteTablePropagationCommand({ TransitGatewayRouteTableId: defaultTable, TransitGatewayAttachmentId: id }))),
    ]);
    expect(early.map((e) => e.name)).toEqual(["IncorrectState", "IncorrectState", "IncorrectState"]);

    await eventually(() => association(h, hub, id), (a) => a?.State === "available");
    expect((await association(h, hub, id))?.Association).toEqual({ TransitGatewayRouteTableId: defaultTable, State: "associated" });
    expect(await propagationsOf(h, hub, id)).toEqual([[defaultTable, "enabled"]]);
    const routes = await h.ec2(hub).send(
      new SearchTransitGatewayRoutesCommand({ TransitGatewayRouteTableId: defaultTable, Filters: [{ Name: "type", Values: ["propagated"] }] }),
    );
    expect(routes.Routes?.map((r) => [r.DestinationCidrBlock, r.TransitGatewayAttachments?.[0]?.TransitGatewayAttachmentId])).toEqual([["10.5.0.0/16", id]]);

    const elsewhere = await errorOf(
      h.ec2(hub).send(new AssociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: OWN_TABLE, TransitGatewayAttachmentId: id })),
    );
    expect(elsewhere.name).toBe("Resource.AlreadyAssociated");
    await h.ec2(hub).send(new DisassociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: defaultTable, TransitGatewayAttachmentId: id }));
    await h.ec2(hub).send(new AssociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: OWN_TABLE, TransitGatewayAttachmentId: id }));
    await h.ec2(hub).send(new DisableTransitGatewayRouteTablePropagationCommand({ TransitGatewayRouteTableId: defaultTable, TransitGatewayAttachmentId: id }));
    expect((await association(h, hub, id))?.Association).toEqual({ TransitGatewayRouteTableId: OWN_TABLE, State: "associated" });
    expect(await propagationsOf(h, hub, id)).toEqual([]);
  });

  it("with both options off, a new attachment has no association and propagates nowhere", async () => {
    const created = await h.ec2(hub).send(new CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: DEFAULTS_OFF, VpcId: VPC, SubnetIds: [SUBNET] }));
    const id = created.TransitGatewayVpcAttachment?.TransitGatewayAttachmentId ?? "";
    await eventually(() => association(h, hub, id), (a) => a?.State === "available");
    expect((await association(h, hub, id))?.Association).toBeUndefined();
    expect(await propagationsOf(h, hub, id)).toEqual([]);
  });

  it("refuses a topology whose named default table is not one of the TGW's tables", async () => {
    const bad: SandboxTopology = {
      accounts: [{ id: HUB_ACCOUNT, name: "bad", transitGateways: [{ id: DEFAULTS_ON, region: "us-east-1", associationDefaultRouteTableId: OFF_TABLE }] }],
    };
    await expect(startHarness({ topology: bad })).rejects.toThrow(/associationDefaultRouteTableId/);
  });
});

describe("TGW default route tables, the default topology's hub", () => {
  const TGW = "tgw-0ccc0000000000001";
  const DEFAULT_RTB = "tgw-rtb-0ccc0000000000003";
  let h: Harness;
  let msk: Credentials;
  let transit: Credentials;
  beforeAll(async () => {
    h = await startHarness();
    msk = await h.assume(ACCOUNTS.msk);
    transit = await h.assume(ACCOUNTS.transit);
  });
  afterAll(() => h.sandbox.close());

  it("gives a shared attachment the defaults when its owner accepts it, not while it waits for acceptance", async () => {
    const tgw = (await h.ec2(transit).send(new DescribeTransitGatewaysCommand({ TransitGatewayIds: [TGW] }))).TransitGateways?.[0];
    expect(tgw?.Options).toMatchObject({ AssociationDefaultRouteTableId: DEFAULT_RTB, PropagationDefaultRouteTableId: DEFAULT_RTB });
    await h.ram(transit).send(
      new CreateResourceShareCommand({ name: "hub", resourceArns: [`arn:aws:ec2:us-east-1:${ACCOUNTS.transit}:transit-gateway/${TGW}`], principals: [ACCOUNTS.msk] }),
    );
    const created = await h.ec2(msk).send(
      new CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: TGW, VpcId: "vpc-0aaa0000000000001", SubnetIds: ["subnet-0aaa0000000000001"] }),
    );
    const id = created.TransitGatewayVpcAttachment?.TransitGatewayAttachmentId ?? "";
    expect(await association(h, transit, id)).toMatchObject({ State: "pendingAcceptance" });
    expect((await association(h, transit, id))?.Association).toBeUndefined();
    expect(await propagationsOf(h, transit, id)).toEqual([]);

    await h.ec2(transit).send(new AcceptTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: id }));
    await eventually(() => association(h, transit, id), (a) => a?.State === "available");
    expect((await association(h, transit, id))?.Association).toEqual({ TransitGatewayRouteTableId: DEFAULT_RTB, State: "associated" });
    expect(await propagationsOf(h, transit, id)).toEqual([[DEFAULT_RTB, "enabled"]]);
  });
});
