import {
  AcceptVpcPeeringConnectionCommand,
  CreateRouteCommand,
  CreateTagsCommand,
  CreateVpcPeeringConnectionCommand,
  DeleteRouteCommand,
  DeleteTagsCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeRouteTablesCommand,
  DescribeTagsCommand,
  DescribeVpcPeeringConnectionsCommand,
  ModifyVpcPeeringConnectionOptionsCommand,
  RejectVpcPeeringConnectionCommand,
  ReplaceRouteCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS, errorOf, eventually, startHarness, type Credentials, type Harness } from "./harness";

let h: Harness;
let msk: Credentials;
let apps: Credentials;
beforeAll(async () => {
  h = await startHarness();
  msk = await h.assume(ACCOUNTS.msk);
  apps = await h.assume(ACCOUNTS.apps);
});
afterAll(() => h.sandbox.close());

async function statusOf(client: EC2Client, id: string): Promise<string | undefined> {
  const out = await client.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] }));
  return out.VpcPeeringConnections?.[0]?.Status?.Code;
}

async function request(peerVpcId: string, peerOwnerId?: string, peerRegion?: string): Promise<string> {
  const out = await h.ec2(msk).send(
    new CreateVpcPeeringConnectionCommand({
      VpcId: "vpc-0aaa0000000000001",
      PeerVpcId: peerVpcId,
      PeerOwnerId: peerOwnerId,
      PeerRegion: peerRegion,
      TagSpecifications: [{ ResourceType: "vpc-peering-connection", Tags: [{ Key: "portal-request", Value: "r1" }] }],
    }),
  );
  expect(out.VpcPeeringConnection?.Status?.Code).toBe("initiating-request");
  return out.VpcPeeringConnection?.VpcPeeringConnectionId ?? "";
}

describe("VPC peering", () => {
  it("goes pending-acceptance -> provisioning -> active across accounts, accepted by the accepter", async () => {
    const id = await request("vpc-0bbb0000000000001", ACCOUNTS.apps);
    expect(id).toMatch(/^pcx-[0-9a-f]{17}$/);
    await eventually(() => statusOf(h.ec2(msk), id), (s) => s === "pending-acceptance");
    const byRequester = await errorOf(h.ec2(msk).send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })));
    expect(byRequester.name).toBe("OperationNotPermitted");
    const accepted = await h.ec2(apps).send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    expect(accepted.VpcPeeringConnection?.AccepterVpcInfo?.OwnerId).toBe(ACCOUNTS.apps);
    await eventually(() => statusOf(h.ec2(apps), id), (s) => s === "active");
    const again = await errorOf(h.ec2(apps).send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })));
    expect(again.name).toBe("InvalidStateTransition");
    const tagged = await h.ec2(msk).send(
      new DescribeVpcPeeringConnectionsCommand({ Filters: [{ Name: "tag:portal-request", Values: ["r1"] }, { Name: "status-code", Values: ["active"] }] }),
    );
    expect(tagged.VpcPeeringConnections?.map((p) => p.VpcPeeringConnectionId)).toContain(id);
  });

  it("fails when CIDRs overlap", async () => {
    const id = await request("vpc-0bbb0000000000003", ACCOUNTS.apps);
    await eventually(() => statusOf(h.ec2(msk), id), (s) => s === "failed");
  });

  it("is accepted in the accepter's region for inter-region peering, not elsewhere", async () => {
    const id = await request("vpc-0bbb0000000000002", ACCOUNTS.apps, "eu-west-1");
    await eventually(() => statusOf(h.ec2(msk), id), (s) => s === "pending-acceptance");
    const wrongRegion = await errorOf(h.ec2(apps).send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })));
    expect(wrongRegion.name).toBe("InvalidVpcPeeringConnectionID.NotFound");
    await h.ec2(apps, "eu-west-1").send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    await eventually(() => statusOf(h.ec2(apps, "eu-west-1"), id), (s) => s === "active");
  });

  it("can be rejected and deleted, and refuses wrong-state transitions", async () => {
    const id = await request("vpc-0aaa0000000000002");
    await eventually(() => statusOf(h.ec2(msk), id), (s) => s === "pending-acceptance");
    await h.ec2(msk).send(new RejectVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    expect(await statusOf(h.ec2(msk), id)).toBe("rejected");
    const del = await errorOf(h.ec2(msk).send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })));
    expect(del.name).toBe("InvalidStateTransition");
  });

  it("sets DNS resolution per side only when active", async () => {
    const id = await request("vpc-0aaa0000000000002");
    await eventually(() => statusOf(h.ec2(msk), id), (s) => s === "pending-acceptance");
    const early = await errorOf(
      h.ec2(msk).send(
        new ModifyVpcPeeringConnectionOptionsCommand({
          VpcPeeringConnectionId: id,
          RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true },
        }),
      ),
    );
    expect(early.name).toBe("OperationNotPermitted");
    await h.ec2(msk).send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    await eventually(() => statusOf(h.ec2(msk), id), (s) => s === "active");
    const out = await h.ec2(msk).send(
      new ModifyVpcPeeringConnectionOptionsCommand({
        VpcPeeringConnectionId: id,
        RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true },
      }),
    );
    expect(out.RequesterPeeringConnectionOptions?.AllowDnsResolutionFromRemoteVpc).toBe(true);
    const d = await h.ec2(msk).send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] }));
    expect(d.VpcPeeringConnections?.[0]?.RequesterVpcInfo?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc).toBe(true);
    expect(d.VpcPeeringConnections?.[0]?.AccepterVpcInfo?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc).toBe(false);
  });
});

describe("routes", () => {
  it("creates, replaces and deletes a route to an active peering; blackholes it after the peering is deleted", async () => {
    const id = await request("vpc-0bbb0000000000004", ACCOUNTS.apps);
    await eventually(() => statusOf(h.ec2(msk), id), (s) => s === "pending-acceptance");
    const notActive = await errorOf(
      h.ec2(msk).send(new CreateRouteCommand({ RouteTableId: "rtb-0aaa0000000000002", DestinationCidrBlock: "10.21.0.0/16", VpcPeeringConnectionId: id })),
    );
    expect(notActive.name).toBe("IncorrectState");
    await h.ec2(apps).send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    await eventually(() => statusOf(h.ec2(msk), id), (s) => s === "active");
    await h.ec2(msk).send(
      new CreateRouteCommand({ RouteTableId: "rtb-0aaa0000000000002", DestinationCidrBlock: "10.21.0.0/16", VpcPeeringConnectionId: id }),
    );
    const dup = await errorOf(
      h.ec2(msk).send(new CreateRouteCommand({ RouteTableId: "rtb-0aaa0000000000002", DestinationCidrBlock: "10.21.0.0/16", VpcPeeringConnectionId: id })),
    );
    expect(dup.name).toBe("RouteAlreadyExists");
    const otherVpc = await errorOf(
      h.ec2(msk).send(new CreateRouteCommand({ RouteTableId: "rtb-0aaa0000000000011", DestinationCidrBlock: "10.21.0.0/16", VpcPeeringConnectionId: id })),
    );
    expect(otherVpc.name).toBe("InvalidParameterValue");
    await h.ec2(msk).send(
      new ReplaceRouteCommand({ RouteTableId: "rtb-0aaa0000000000002", DestinationCidrBlock: "10.21.0.0/16", VpcPeeringConnectionId: id }),
    );
    await h.ec2(apps).send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    const rt = await h.ec2(msk).send(new DescribeRouteTablesCommand({ RouteTableIds: ["rtb-0aaa0000000000002"] }));
    const route = rt.RouteTables?.[0]?.Routes?.find((r) => r.DestinationCidrBlock === "10.21.0.0/16");
    expect(route).toMatchObject({ VpcPeeringConnectionId: id, State: "blackhole", Origin: "CreateRoute" });
    await h.ec2(msk).send(new DeleteRouteCommand({ RouteTableId: "rtb-0aaa0000000000002", DestinationCidrBlock: "10.21.0.0/16" }));
    const gone = await errorOf(
      h.ec2(msk).send(new DeleteRouteCommand({ RouteTableId: "rtb-0aaa0000000000002", DestinationCidrBlock: "10.21.0.0/16" })),
    );
    expect(gone.name).toBe("InvalidRoute.NotFound");
    const local = await errorOf(
      h.ec2(msk).send(new DeleteRouteCommand({ RouteTableId: "rtb-0aaa0000000000002", DestinationCidrBlock: "10.0.0.0/16" })),
    );
    expect(local.name).toBe("InvalidParameterValue");
  });

  it("refuses an unknown peering and a route table of another account", async () => {
    const unknown = await errorOf(
      h.ec2(msk).send(
        new CreateRouteCommand({ RouteTableId: "rtb-0aaa0000000000003", DestinationCidrBlock: "10.99.0.0/16", VpcPeeringConnectionId: "pcx-0123456789abcdef0" }),
      ),
    );
    expect(unknown.name).toBe("InvalidVpcPeeringConnectionID.NotFound");
    const foreign = await errorOf(
      h.ec2(apps).send(
        new CreateRouteCommand({ RouteTableId: "rtb-0aaa0000000000003", DestinationCidrBlock: "10.99.0.0/16", VpcPeeringConnectionId: "pcx-0123456789abcdef0" }),
      ),
    );
    expect(foreign.name).toBe("InvalidRouteTableID.NotFound");
  });
});

describe("tags", () => {
  it("creates, describes and deletes tags", async () => {
    await h.ec2(msk).send(
      new CreateTagsCommand({ Resources: ["vpc-0aaa0000000000002", "sg-0aaa0000000000011"], Tags: [{ Key: "owner", Value: "platform" }] }),
    );
    const out = await h.ec2(msk).send(new DescribeTagsCommand({ Filters: [{ Name: "key", Values: ["owner"] }] }));
    expect(out.Tags?.map((t) => [t.ResourceId, t.ResourceType, t.Value])).toEqual([
      ["sg-0aaa0000000000011", "security-group", "platform"],
      ["vpc-0aaa0000000000002", "vpc", "platform"],
    ]);
    await h.ec2(msk).send(new DeleteTagsCommand({ Resources: ["vpc-0aaa0000000000002"], Tags: [{ Key: "owner" }] }));
    const after = await h.ec2(msk).send(
      new DescribeTagsCommand({ Filters: [{ Name: "key", Values: ["owner"] }, { Name: "resource-type", Values: ["vpc"] }] }),
    );
    expect(after.Tags).toEqual([]);
    const foreign = await errorOf(
      h.ec2(apps).send(new CreateTagsCommand({ Resources: ["vpc-0aaa0000000000002"], Tags: [{ Key: "x", Value: "y" }] })),
    );
    expect(foreign.name).toBe("InvalidID");
  });
});
