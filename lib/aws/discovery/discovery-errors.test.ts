import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { BROWNFIELD_TOPOLOGY_FILE, loadTopologyFile } from "@/lib/sandbox";

import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { discoverTransitHub } from "./discover-transit-hub";
import { discoverVpcTgwAttachments } from "./vpc-tgw-attachments";

// Discovery never plans from facts it could not read: a call that keeps failing (past the SDK's retries)
// fails discovery, with AWS's error, instead of being read as "none".
const TRANSIT = "333333333333";
const SHARED_SERVICES_VPC = { accountId: TRANSIT, region: "us-east-1", vpcId: "vpc-0ccc0000000000001" };
const HUB = {
  accountId: TRANSIT,
  region: "us-east-1",
  transitGatewayId: "tgw-0ccc0000000000001",
  routeTables: { sharedServices: "tgw-rtb-0ccc0000000000002", spokes: "tgw-rtb-0ccc0000000000002", onPrem: "tgw-rtb-0ccc0000000000001" },
};

let env: SandboxAccess;
beforeAll(async () => {
  env = await startSandboxAccess({ topology: loadTopologyFile(BROWNFIELD_TOPOLOGY_FILE), access: { maxAttempts: 2 } });
});
afterAll(() => env.close());
afterEach(() => env.control("DELETE", "/_sandbox/faults"));

const alwaysFailing = (operation: string) => env.control("POST", "/_sandbox/faults", { rate: 1, kinds: ["5xx"], operations: [operation] });

describe("discovery when AWS keeps failing", () => {
  it("reads an attachment's propagations, and fails rather than report none when it cannot", async () => {
    const read = () => discoverVpcTgwAttachments(env.access, SHARED_SERVICES_VPC, Promise.resolve(new Map()));
    const [attachment] = await read();
    expect(attachment?.propagatedRouteTableIds).toEqual(["tgw-rtb-0ccc0000000000001"]);
    await alwaysFailing("GetTransitGatewayAttachmentPropagations");
    await expect(read()).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
  });

  it("reads a pending invitation of the hub's share, and fails rather than report none when it cannot", async () => {
    const hub = await discoverTransitHub(env.access, HUB);
    expect(hub.share?.pendingInvitations.map((i) => i.accountId)).toEqual(["444444444444"]);
    await alwaysFailing("GetResourceShareInvitations");
    await expect(discoverTransitHub(env.access, HUB)).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
  });

  it("fails rather than report no invitation when STS keeps failing for the invited account", async () => {
    // A portal that has credentials for the transit account but not yet for the invited one: the invitation
    // lookup must assume a role in 444444444444, and STS answers 5xx past the retries.
    const fresh = env.accessWith({});
    await fresh.credentialsFor(TRANSIT);
    await alwaysFailing("AssumeRole");
    await expect(discoverTransitHub(fresh, HUB)).rejects.toMatchObject({ name: "AccountAccessError", accountId: "444444444444", cannotActThere: false });
  });

  it("still reads an account STS refuses as one whose invitation the portal leaves to it", async () => {
    const refused = env.accessWith({ roleNameOrArn: (accountId) => (accountId === "444444444444" ? "RoleThatDoesNotExist" : "MskConnectivityPortal") });
    const hub = await discoverTransitHub(refused, HUB);
    expect(hub.share?.pendingInvitations).toEqual([]);
  });
});
