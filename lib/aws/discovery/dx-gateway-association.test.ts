import { CreateTransitGatewayRouteCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TOPOLOGY, type SandboxTopology } from "@/lib/sandbox";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { discoverTransitHub } from "./discover-transit-hub";
import { discoverDxGatewayAssociation } from "./dx-gateway-association";

const TRANSIT = "333333333333";
const NETWORK = "555555555555";
const TGW = "tgw-0ccc0000000000001";
const DXGW = "5f2e7a1b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
const HUB = {
  accountId: TRANSIT,
  region: "us-east-1",
  transitGatewayId: TGW,
  routeTables: { sharedServices: "tgw-rtb-0ccc0000000000002", spokes: "tgw-rtb-0ccc0000000000002", onPrem: "tgw-rtb-0ccc0000000000001" },
};

/**
 * The DX gateway belongs to a network account, not the TGW's: its association is the network account's to
 * read. A second gateway on the same TGW is on its way out and must not be the one checked.
 */
const TOPOLOGY: SandboxTopology = {
  ...DEFAULT_TOPOLOGY,
  accounts: [
    ...DEFAULT_TOPOLOGY.accounts.map((a) => (a.id === TRANSIT ? { ...a, directConnectGateways: [] } : a)),
    {
      id: NETWORK,
      name: "network-dx",
      organizationId: "o-portal0001",
      roleKind: "transit",
      directConnectGateways: [
        {
          id: "0a0a0a0a-0000-4000-8000-000000000001",
          associations: [
            { id: "0a0a0a0a-0000-4000-8000-000000000101", transitGatewayId: TGW, state: "disassociating", allowedPrefixes: ["10.0.0.0/8"] },
          ],
        },
        {
          id: DXGW,
          associations: [
            { id: "0a0a0a0a-0000-4000-8000-000000000102", transitGatewayId: TGW, allowedPrefixes: ["10.1.0.0/16", "10.0.0.0/16"] },
          ],
        },
      ],
    },
  ],
};

let env: SandboxAccess;
beforeAll(async () => {
  env = await startSandboxAccess({ topology: TOPOLOGY });
});
afterAll(() => env.close());

describe("discoverDxGatewayAssociation", () => {
  it("reads the association's allowed prefixes (AWS -> on-premises) in the DX gateway owner's account", async () => {
    expect(await discoverDxGatewayAssociation(env.access, { ownerAccountId: NETWORK, region: "us-east-1", transitGatewayId: TGW })).toEqual({
      dxGatewayId: DXGW,
      associationId: "0a0a0a0a-0000-4000-8000-000000000102",
      state: "associated",
      allowedPrefixes: ["10.0.0.0/16", "10.1.0.0/16"],
    });
  });

  it("follows every page and still prefers the associated gateway", async () => {
    const onePerPage = env.accessWith({ pageSize: 1 });
    await env.clearCalls();
    const found = await discoverDxGatewayAssociation(onePerPage, { ownerAccountId: NETWORK, region: "us-east-1", transitGatewayId: TGW });
    expect(found?.dxGatewayId).toBe(DXGW);
    const pages = (await env.calls()).filter((c) => c.operation === "DescribeDirectConnectGatewayAssociations");
    expect(pages).toHaveLength(2);
  });

  it("finds none in the TGW owner's account when another account owns the DX gateway", async () => {
    expect(await discoverDxGatewayAssociation(env.access, { ownerAccountId: TRANSIT, region: "us-east-1", transitGatewayId: TGW })).toBeNull();
  });
});

describe("discoverTransitHub, Direct Connect both ways", () => {
  it("reads the association where the settings say and the routes on-premises' prefixes take in the hub's tables", async () => {
    // An engineer's static blackhole for one data-centre range, more specific than the propagated /16.
    // The network team's own change, made with their role (the portal's role kit creates no TGW routes).
    const engineers = env.accessWith({ roleNameOrArn: () => "OrganizationAccountAccessRole", externalId: () => undefined });
    await engineers.ec2(TRANSIT, "us-east-1").send(
      new CreateTransitGatewayRouteCommand({ TransitGatewayRouteTableId: HUB.routeTables.sharedServices, DestinationCidrBlock: "192.168.10.0/24", Blackhole: true }),
    );
    const hub = await discoverTransitHub(env.access, { ...HUB, dxGatewayOwnerAccountId: NETWORK });
    expect(hub.dxGatewayOwnerAccountId).toBe(NETWORK);
    expect(hub.dxGatewayAssociation?.allowedPrefixes).toEqual(["10.0.0.0/16", "10.1.0.0/16"]);
    expect(hub.routes).toEqual({
      "tgw-rtb-0ccc0000000000001": [],
      "tgw-rtb-0ccc0000000000002": expect.arrayContaining([
        { destinationCidr: "192.168.10.0/24", type: "static", state: "blackhole", attachmentId: null },
        { destinationCidr: "192.168.0.0/16", type: "propagated", state: "active", attachmentId: "tgw-attach-0ccc0000000000001" },
        { destinationCidr: "172.16.0.0/16", type: "propagated", state: "active", attachmentId: "tgw-attach-0ccc0000000000001" },
      ]) as unknown,
    });
    expect(hub.routes["tgw-rtb-0ccc0000000000002"]).toHaveLength(3);
    await env.control("POST", "/_sandbox/reset");
  });
});
