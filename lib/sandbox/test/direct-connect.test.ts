import {
  DescribeDirectConnectGatewayAssociationsCommand,
  DescribeDirectConnectGatewaysCommand,
  DirectConnectClient,
} from "@aws-sdk/client-direct-connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TOPOLOGY, type SandboxTopology } from "../index";
import { ACCOUNTS, errorOf, startHarness, UNRESTRICTED_TOPOLOGY, type Credentials, type Harness } from "./harness";

// Direct Connect API reference: DescribeDirectConnectGatewayAssociations, DescribeDirectConnectGateways
// (AWS JSON 1.1, X-Amz-Target OvertureService.*; errors DirectConnectClientException / DirectConnectServerException).
const TGW = "tgw-0ccc0000000000001";
const DXGW = "5f2e7a1b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
const ASSOCIATION = "8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f";

/** Three more DX gateways of the transit account associated with the hub, so a page of two leaves a token. */
const MANY_GATEWAYS: SandboxTopology = {
  ...UNRESTRICTED_TOPOLOGY,
  accounts: UNRESTRICTED_TOPOLOGY.accounts.map((a) =>
    a.id !== ACCOUNTS.transit
      ? a
      : {
          ...a,
          directConnectGateways: [
            ...(a.directConnectGateways ?? []),
            ...[1, 2, 3].map((n) => ({
              id: `00000000-0000-4000-8000-00000000000${n}`,
              associations: [{ id: `00000000-0000-4000-8000-00000000010${n}`, transitGatewayId: TGW, allowedPrefixes: [`10.${n}.0.0/16`] }],
            })),
          ],
        },
  ),
};

let h: Harness;
let transit: Credentials;
const dx = (credentials: Credentials, region = "us-east-1") =>
  new DirectConnectClient({ region, endpoint: h.sandbox.url, credentials, maxAttempts: 1 });

beforeAll(async () => {
  h = await startHarness({ topology: MANY_GATEWAYS });
  transit = await h.assume(ACCOUNTS.transit);
});
afterAll(() => h.sandbox.close());

describe("DescribeDirectConnectGatewayAssociations", () => {
  it("gives the DX gateway owner the association with the TGW, in the model's shape", async () => {
    const out = await dx(transit).send(
      new DescribeDirectConnectGatewayAssociationsCommand({ directConnectGatewayId: DXGW, associatedGatewayId: TGW }),
    );
    expect(out.directConnectGatewayAssociations).toEqual([
      {
        directConnectGatewayId: DXGW,
        directConnectGatewayOwnerAccount: ACCOUNTS.transit,
        associationState: "associated",
        associationId: ASSOCIATION,
        associatedGateway: { id: TGW, type: "transitGateway", ownerAccount: ACCOUNTS.transit, region: "us-east-1" },
        allowedPrefixesToDirectConnectGateway: [{ cidr: "10.0.0.0/16" }],
      },
    ]);
    expect(out.nextToken).toBeUndefined();
  });

  it("filters by association id; DX gateways are global, so any Region answers", async () => {
    const out = await dx(transit, "eu-west-1").send(new DescribeDirectConnectGatewayAssociationsCommand({ associationId: ASSOCIATION }));
    expect(out.directConnectGatewayAssociations?.map((a) => a.associationId)).toEqual([ASSOCIATION]);
  });

  it("pages with maxResults and nextToken, every association once", async () => {
    const client = dx(transit);
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const out = await client.send(new DescribeDirectConnectGatewayAssociationsCommand({ associatedGatewayId: TGW, maxResults: 2, nextToken }));
      seen.push(...(out.directConnectGatewayAssociations ?? []).map((a) => a.directConnectGatewayId ?? ""));
      nextToken = out.nextToken;
      pages += 1;
    } while (nextToken);
    expect(pages).toBe(2);
    expect(seen.sort()).toEqual([
      "00000000-0000-4000-8000-000000000001",
      "00000000-0000-4000-8000-000000000002",
      "00000000-0000-4000-8000-000000000003",
      DXGW,
    ]);
  });

  it("shows another account none of the owner's associations", async () => {
    const msk = await h.assume(ACCOUNTS.msk);
    const out = await dx(msk).send(new DescribeDirectConnectGatewayAssociationsCommand({ associatedGatewayId: TGW }));
    expect(out.directConnectGatewayAssociations).toEqual([]);
  });

  it("refuses a DX gateway the caller does not own with DirectConnectClientException", async () => {
    const msk = await h.assume(ACCOUNTS.msk);
    const err = await errorOf(dx(msk).send(new DescribeDirectConnectGatewayAssociationsCommand({ directConnectGatewayId: DXGW })));
    expect(err).toMatchObject({ name: "DirectConnectClientException", status: 400 });
  });
});

describe("DescribeDirectConnectGateways", () => {
  it("lists the caller's gateways", async () => {
    const out = await dx(transit).send(new DescribeDirectConnectGatewaysCommand({ directConnectGatewayId: DXGW }));
    expect(out.directConnectGateways).toEqual([
      {
        directConnectGatewayId: DXGW,
        directConnectGatewayName: "datacenter",
        amazonSideAsn: 64513,
        ownerAccount: ACCOUNTS.transit,
        directConnectGatewayState: "available",
      },
    ]);
  });
});

describe("Direct Connect under the role kit's policies", () => {
  let kit: Harness;
  beforeAll(async () => {
    kit = await startHarness({ topology: DEFAULT_TOPOLOGY });
  });
  afterAll(() => kit.sandbox.close());
  const asKit = async (accountId: string) =>
    new DirectConnectClient({ region: "us-east-1", endpoint: kit.sandbox.url, credentials: await kit.assume(accountId), maxAttempts: 1 });

  it("lets the transit role read the association and refuses the cluster owner's role with AccessDeniedException", async () => {
    const read = new DescribeDirectConnectGatewayAssociationsCommand({ associatedGatewayId: TGW });
    const out = await (await asKit(ACCOUNTS.transit)).send(read);
    expect(out.directConnectGatewayAssociations?.map((a) => a.associationId)).toEqual([ASSOCIATION]);
    const err = await errorOf((await asKit(ACCOUNTS.msk)).send(read));
    expect(err).toMatchObject({ name: "AccessDeniedException", status: 403 });
    expect(err.message).toContain("directconnect:DescribeDirectConnectGatewayAssociations");
  });
});
