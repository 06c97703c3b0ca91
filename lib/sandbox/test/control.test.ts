import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AcceptVpcPeeringConnectionCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateRouteCommand,
  CreateTagsCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
} from "@aws-sdk/client-ec2";
import { ListClustersV2Command } from "@aws-sdk/client-kafka";
import { GetResourceSharesCommand } from "@aws-sdk/client-ram";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TOPOLOGY } from "../topology/default-topology";
import { topologySchema } from "../topology/schema";
import { ACCOUNTS, errorOf, eventually, outcome, startHarness, type Credentials, type Harness } from "./harness";

let h: Harness;
let msk: Credentials;
beforeAll(async () => {
  h = await startHarness();
  msk = await h.assume(ACCOUNTS.msk);
});
afterAll(() => h.sandbox.close());

describe("control API and faults", () => {
  it("reports health, state per account and region, and a call log", async () => {
    expect(await h.control("GET", "/_sandbox/health")).toEqual({ status: "ok" });
    await h.control("DELETE", "/_sandbox/calls");
    await h.ec2(msk).send(new DescribeVpcsCommand({}));
    const calls = (await h.control("GET", "/_sandbox/calls")) as { operation: string; service: string; account: string; region: string; status: number }[];
    expect(calls.at(-1)).toMatchObject({ operation: "DescribeVpcs", service: "ec2", account: ACCOUNTS.msk, region: "us-east-1", status: 200 });
    const state = (await h.control("GET", "/_sandbox/state")) as { accounts: Record<string, { regions: Record<string, { vpcs?: unknown[] }> }> };
    expect(state.accounts[ACCOUNTS.apps]?.regions["eu-west-1"]?.vpcs).toHaveLength(1);
  });

  it("throttles EC2 with RequestLimitExceeded over 503 before changing state", async () => {
    await h.control("POST", "/_sandbox/faults", { rate: 1, kinds: ["throttle"], operations: ["CreateTags"] });
    const err = await errorOf(
      h.ec2(msk).send(new CreateTagsCommand({ Resources: ["vpc-0aaa0000000000001"], Tags: [{ Key: "fault", Value: "x" }] })),
    );
    expect(err).toMatchObject({ name: "RequestLimitExceeded", status: 503 });
    await h.control("DELETE", "/_sandbox/faults");
    const vpc = await h.ec2(msk).send(new DescribeVpcsCommand({ VpcIds: ["vpc-0aaa0000000000001"] }));
    expect(vpc.Vpcs?.[0]?.Tags?.some((t) => t.Key === "fault")).toBe(false);
    const calls = (await h.control("GET", "/_sandbox/calls")) as { operation: string; errorCode?: string }[];
    expect(calls.find((c) => c.operation === "CreateTags")?.errorCode).toBe("RequestLimitExceeded");
  });

  it("throttles and fails the other protocols with their own codes", async () => {
    await h.control("POST", "/_sandbox/faults", { rate: 1, kinds: ["throttle"] });
    expect((await errorOf(h.kafka(msk).send(new ListClustersV2Command({})))).name).toBe("TooManyRequestsException");
    expect((await errorOf(h.ram(msk).send(new GetResourceSharesCommand({ resourceOwner: "SELF" })))).name).toBe("ThrottlingException");
    expect((await errorOf(h.sts(msk).send(new GetCallerIdentityCommand({})))).name).toBe("Throttling");
    await h.control("POST", "/_sandbox/faults", { rate: 1, kinds: ["5xx"] });
    expect(await errorOf(h.ec2(msk).send(new DescribeVpcsCommand({})))).toMatchObject({ name: "InternalError", status: 500 });
    expect((await errorOf(h.kafka(msk).send(new ListClustersV2Command({})))).name).toBe("InternalServerErrorException");
    await h.control("DELETE", "/_sandbox/faults");
  });

  it("lets the SDK's retries ride through an intermittent fault", async () => {
    await h.control("POST", "/_sandbox/faults", { rate: 0.5, kinds: ["5xx"] });
    // Ten attempts at a 50% fault rate fail together with probability 1/1024.
    const out = await h.ec2(msk, "us-east-1", 10).send(new DescribeVpcsCommand({}));
    expect(out.Vpcs).toHaveLength(2);
    await h.control("DELETE", "/_sandbox/faults");
  });

  it("adds latency without failing", async () => {
    await h.control("POST", "/_sandbox/faults", { rate: 1, kinds: ["latency"], latencyMs: 150 });
    const start = Date.now();
    await h.ec2(msk).send(new DescribeVpcsCommand({}));
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
    await h.control("DELETE", "/_sandbox/faults");
  });

  it("rejects a malformed fault configuration", async () => {
    const out = (await h.control("POST", "/_sandbox/faults", { rate: 2, kinds: ["nope"] })) as { error?: string };
    expect(out.error).toBeTruthy();
  });

  it("resets to the seeded topology", async () => {
    await h.ec2(msk).send(new CreateTagsCommand({ Resources: ["vpc-0aaa0000000000002"], Tags: [{ Key: "temp", Value: "1" }] }));
    await h.control("POST", "/_sandbox/reset");
    const out = await h.ec2(msk).send(new DescribeVpcsCommand({ VpcIds: ["vpc-0aaa0000000000002"] }));
    expect(out.Vpcs?.[0]?.Tags?.some((t) => t.Key === "temp")).toBe(false);
    // Issued credentials survive a reset.
    expect((await h.sts(msk).send(new GetCallerIdentityCommand({}))).Account).toBe(ACCOUNTS.msk);
  });
});

describe("topology, quotas, expiry and persistence", () => {
  it("validates the default topology and reports mistakes by path", () => {
    expect(topologySchema.safeParse(DEFAULT_TOPOLOGY).success).toBe(true);
    const bad = topologySchema.safeParse({ accounts: [{ id: "12", name: "x" }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["accounts", 0, "id"]);
  });

  it("enforces lowered quotas with AWS's codes", async () => {
    const q = await startHarness({
      topology: { ...DEFAULT_TOPOLOGY, quotas: { inboundRulesPerSecurityGroup: 1, routesPerRouteTable: 1, outstandingPeeringsPerAccount: 1 } },
    });
    try {
      const creds = await q.assume(ACCOUNTS.msk);
      const ec2 = q.ec2(creds);
      const rule = (port: number) =>
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: "sg-0aaa0000000000001",
          IpPermissions: [{ IpProtocol: "tcp", FromPort: port, ToPort: port, IpRanges: [{ CidrIp: "10.9.0.0/16" }] }],
        });
      await ec2.send(rule(9098));
      expect((await errorOf(ec2.send(rule(9096)))).name).toBe("RulesPerSecurityGroupLimitExceeded");
      const peer = (vpc: string) =>
        new CreateVpcPeeringConnectionCommand({ VpcId: "vpc-0aaa0000000000001", PeerVpcId: vpc, PeerOwnerId: ACCOUNTS.apps });
      const created = await ec2.send(peer("vpc-0bbb0000000000001"));
      expect((await errorOf(ec2.send(peer("vpc-0bbb0000000000004")))).name).toBe("OutstandingVpcPeeringConnectionLimitExceeded");
      const id = created.VpcPeeringConnection?.VpcPeeringConnectionId ?? "";
      const apps = q.ec2(await q.assume(ACCOUNTS.apps));
      await eventually(
        () => outcome(apps.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }))),
        (name) => name === "ok",
      );
      await eventually(
        () => ec2.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] })),
        (d) => d.VpcPeeringConnections?.[0]?.Status?.Code === "active",
      );
      const route = (cidr: string) =>
        new CreateRouteCommand({ RouteTableId: "rtb-0aaa0000000000001", DestinationCidrBlock: cidr, VpcPeeringConnectionId: id });
      await ec2.send(route("10.20.0.0/16"));
      expect((await errorOf(ec2.send(route("10.20.1.0/24")))).name).toBe("RouteLimitExceeded");
    } finally {
      await q.sandbox.close();
    }
  });

  it("expires an unaccepted peering after 7 scaled days", async () => {
    // 7 days at this scale are about 0.6 s.
    const q = await startHarness({ timeScale: 0.000001 });
    try {
      const ec2 = q.ec2(await q.assume(ACCOUNTS.msk));
      const out = await ec2.send(
        new CreateVpcPeeringConnectionCommand({ VpcId: "vpc-0aaa0000000000001", PeerVpcId: "vpc-0aaa0000000000002" }),
      );
      const id = out.VpcPeeringConnection?.VpcPeeringConnectionId ?? "";
      await eventually(
        () => ec2.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] })),
        (d) => d.VpcPeeringConnections?.[0]?.Status?.Code === "expired",
      );
    } finally {
      await q.sandbox.close();
    }
  });

  it("persists state to a file and reloads it, sessions included", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-state-"));
    const stateFile = join(dir, "state.json");
    try {
      const first = await startHarness({ stateFile });
      const creds = await first.assume(ACCOUNTS.msk);
      await first.ec2(creds).send(new CreateTagsCommand({ Resources: ["vpc-0aaa0000000000002"], Tags: [{ Key: "kept", Value: "yes" }] }));
      await first.sandbox.close();
      expect(readFileSync(stateFile, "utf8")).toContain("kept");
      const second = await startHarness({ stateFile });
      try {
        const out = await second.ec2(creds).send(new DescribeVpcsCommand({ VpcIds: ["vpc-0aaa0000000000002"] }));
        expect(out.Vpcs?.[0]?.Tags).toContainEqual({ Key: "kept", Value: "yes" });
      } finally {
        await second.sandbox.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
