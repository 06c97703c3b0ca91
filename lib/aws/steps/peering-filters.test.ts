import { DescribeVpcPeeringConnectionsCommand, type EC2Client } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BROWNFIELD_TOPOLOGY_FILE, loadTopologyFile } from "@/lib/sandbox";
import { countOutstandingPeeringRequests, discoverVpcPeerings } from "../discovery/vpc-peerings";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { executorFor } from "./step-executor";
import { executeUntilDone } from "./testing/drive";
import { ACCOUNTS, MSK_VPC } from "./testing/fixtures";
import { planStep, testContext } from "./testing/step-context";

/**
 * An EC2 endpoint that answers DescribeVpcPeeringConnections as if no filter had been sent (as some emulators
 * do): the request leaves the SDK without its Filter.N parameters, so the real sandbox returns every peering
 * the account sees. What the portal uses must still be the peering it asked for.
 */
function dropFilters(ec2: EC2Client): void {
  ec2.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { body?: unknown; headers?: Record<string, string> };
      const body = request.body;
      if (typeof body === "string" && body.includes("Action=DescribeVpcPeeringConnections")) {
        const unfiltered = body.split("&").filter((p) => !p.startsWith("Filter.")).join("&");
        request.body = unfiltered;
        if (request.headers?.["content-length"]) request.headers["content-length"] = String(Buffer.byteLength(unfiltered));
      }
      return next(args);
    },
    { step: "build", priority: "low", name: "dropPeeringFilters" },
  );
}

// The brownfield MSK VPC already has an active peering with payments (pcx-0e0e…001) and others.
const ACTIVE_TO_PAYMENTS = "pcx-0e0e0000000000001";
// Its peering with the MSK VPC is deleted, so a new one is requested.
const OTHER_PAYMENTS_VPC = "vpc-0bbb0000000000005";
let env: SandboxAccess;
beforeAll(async () => {
  env = await startSandboxAccess({ topology: loadTopologyFile(BROWNFIELD_TOPOLOGY_FILE) });
});
afterAll(() => env.close());
beforeEach(async () => {
  await env.control("POST", "/_sandbox/reset");
});

describe("peerings found through filters are checked on both ends", () => {
  it("create-peering never takes another VPC's peering for its own", async () => {
    const access = env.accessWith({});
    dropFilters(access.ec2(ACCOUNTS.msk, "us-east-1"));
    const step = planStep({
      key: "create-peering",
      kind: "create-peering",
      account: ACCOUNTS.msk,
      command: "CreateVpcPeeringConnectionCommand",
      input: { VpcId: MSK_VPC.id, PeerVpcId: OTHER_PAYMENTS_VPC, PeerOwnerId: ACCOUNTS.apps },
    });
    const record = await executeUntilDone(executorFor("create-peering"), testContext(access, step));
    const id = record.outputs.VpcPeeringConnectionId ?? "";
    expect(id).not.toBe(ACTIVE_TO_PAYMENTS);
    const out = await env.access.ec2(ACCOUNTS.msk, "us-east-1").send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] }));
    const made = out.VpcPeeringConnections?.[0];
    expect([made?.RequesterVpcInfo?.VpcId, made?.AccepterVpcInfo?.VpcId]).toEqual([MSK_VPC.id, OTHER_PAYMENTS_VPC]);
  });

  it("discovery keeps only the VPC's own peerings and the account's own outstanding requests", async () => {
    const access = env.accessWith({});
    const apps = access.ec2(ACCOUNTS.apps, "us-east-1");
    const msk = access.ec2(ACCOUNTS.msk, "us-east-1");
    dropFilters(apps);
    dropFilters(msk);
    const ref = { accountId: ACCOUNTS.apps, region: "us-east-1", vpcId: OTHER_PAYMENTS_VPC };
    expect((await discoverVpcPeerings(apps, ref, 100)).map((p) => [p.peeringId, p.status])).toEqual([["pcx-0e0e0000000000002", "deleted"]]);
    // pcx-0e0e…003 is pending-acceptance, requested by the payments account: its request, not the MSK account's.
    expect(await countOutstandingPeeringRequests(apps, ACCOUNTS.apps, 100)).toBe(1);
    expect(await countOutstandingPeeringRequests(msk, ACCOUNTS.msk, 100)).toBe(0);
  });
});
