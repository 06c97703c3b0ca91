import { DescribeClusterV2Command } from "@aws-sdk/client-kafka";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ConnectionPlan } from "@/lib/domain/plan";
import type { CallRecord } from "@/lib/sandbox";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { eventually } from "../testing/eventually";
import { ACCOUNTS, BROKER_SG, MSK_VPC, ORDERS_ARN, PAYMENTS, PLATFORM_APPS, SAME_VPC_CLIENT_SG, TGW } from "./testing/fixtures";
import { runPlan, undoPlan, verifyPlan } from "./testing/run-plan";
import { changed, snapshot, type Snapshot } from "./testing/sandbox-state";
import { planFor } from "./testing/scenario-plan";

let env: SandboxAccess;
beforeAll(async () => {
  env = await startSandboxAccess();
});
afterAll(() => env.close());
beforeEach(async () => {
  await env.control("DELETE", "/_sandbox/faults");
  await env.control("POST", "/_sandbox/reset");
});

const kinds = (plan: ConnectionPlan) => plan.steps.map((s) => s.kind);
const clusterActive = () =>
  eventually(
    async () =>
      (await env.access.kafka(ACCOUNTS.msk, "us-east-1").send(new DescribeClusterV2Command({ ClusterArn: ORDERS_ARN }))).ClusterInfo?.State === "ACTIVE",
  );
const added = (before: Snapshot, after: Snapshot, table: "routes" | "rules") =>
  Object.fromEntries(
    Object.entries(changed(before[table], after[table])).map(([id, c]) => [id, (c.after ?? []).filter((x) => !(c.before ?? []).includes(x))]),
  );

/** Plan, run every step, check what AWS holds, roll back, and check AWS is as it was. */
async function scenario(requestId: string, args: Omit<Parameters<typeof planFor>[1], "requestId">) {
  const plan = await planFor(env.access, { ...args, requestId });
  const before = await snapshot(env);
  const records = await runPlan(env.access, plan, requestId);
  const problems = await verifyPlan(env.access, plan, requestId, records);
  const after = await snapshot(env);
  return {
    plan,
    records,
    problems,
    before,
    after,
    rollback: async (onError?: Parameters<typeof undoPlan>[4]) => {
      await undoPlan(env.access, plan, requestId, records, onError);
      await clusterActive();
      return snapshot(env);
    },
  };
}

function pcxOf(s: Snapshot): string {
  return s.routes[MSK_VPC.routeTables[0] ?? ""]?.find((r) => r.includes("pcx-"))?.split(" -> ")[1] ?? "";
}

describe("scenario runs through the executors against the sandbox", () => {
  it("same VPC: one rule per port on the broker group, referencing the client's group", async () => {
    const run = await scenario("req-same-vpc", {
      client: { type: "aws-vpc", accountId: ACCOUNTS.msk, region: "us-east-1", vpcId: MSK_VPC.id, securityGroupIds: [SAME_VPC_CLIENT_SG], subnetIds: ["subnet-0aaa0000000000004"] },
      authModes: ["iam", "tls"],
    });
    expect(kinds(run.plan)).toEqual(["authorize-sg-ingress", "authorize-sg-ingress"]);
    expect(run.problems).toEqual([]);
    expect(added(run.before, run.after, "rules")).toEqual({
      [BROKER_SG]: [`in tcp 9094-9094 ${ACCOUNTS.msk}/${SAME_VPC_CLIENT_SG}`, `in tcp 9098-9098 ${ACCOUNTS.msk}/${SAME_VPC_CLIENT_SG}`],
    });
    expect(added(run.before, run.after, "routes")).toEqual({});
    expect(await run.rollback()).toEqual(run.before);
  });

  it("other VPC: peering accepted, DNS on, routes both ways in every table, rule referencing the client group", async () => {
    const run = await scenario("req-cross-vpc", {
      client: { type: "aws-vpc", accountId: ACCOUNTS.msk, region: "us-east-1", vpcId: PLATFORM_APPS.id, securityGroupIds: [PLATFORM_APPS.sg] },
      authModes: ["iam"],
    });
    expect(kinds(run.plan)).toEqual([
      "create-peering", "accept-peering", "enable-peering-dns", "create-route", "create-route", "create-route", "create-route", "authorize-sg-ingress",
    ]);
    expect(run.problems).toEqual([]);
    const pcx = pcxOf(run.after);
    expect(run.after.peerings).toEqual([`${MSK_VPC.id}(dns) <-> ${PLATFORM_APPS.id} active`]);
    expect(added(run.before, run.after, "routes")).toEqual({
      [PLATFORM_APPS.routeTable]: [`${MSK_VPC.cidr} -> ${pcx}`],
      ...Object.fromEntries(MSK_VPC.routeTables.map((t) => [t, [`${PLATFORM_APPS.cidr} -> ${pcx}`]])),
    });
    expect(added(run.before, run.after, "rules")).toEqual({ [BROKER_SG]: [`in tcp 9098-9098 ${ACCOUNTS.msk}/${PLATFORM_APPS.sg}`] });
    expect(await run.rollback()).toEqual(run.before);
  });

  it("other Region: inter-Region peering accepted in us-west-2, rule by the client VPC's CIDR", async () => {
    const run = await scenario("req-cross-region", {
      client: { type: "aws-vpc", accountId: ACCOUNTS.msk, region: "us-west-2", vpcId: "vpc-0aaa0000000000003", securityGroupIds: ["sg-0aaa0000000000021"] },
      authModes: ["iam"],
    });
    expect(run.plan.steps.find((s) => s.kind === "accept-peering")?.region).toBe("us-west-2");
    expect(run.problems).toEqual([]);
    const pcx = pcxOf(run.after);
    expect(run.after.peerings).toEqual([`${MSK_VPC.id}(dns) <-> vpc-0aaa0000000000003 active`]);
    expect(added(run.before, run.after, "routes")).toEqual({
      "rtb-0aaa0000000000021": [`${MSK_VPC.cidr} -> ${pcx}`],
      ...Object.fromEntries(MSK_VPC.routeTables.map((t) => [t, [`10.2.0.0/16 -> ${pcx}`]])),
    });
    expect(added(run.before, run.after, "rules")).toEqual({ [BROKER_SG]: ["in tcp 9098-9098 10.2.0.0/16"] });
    expect(await run.rollback()).toEqual(run.before);
  });

  it("other account: peering accepted through the client account's role, rule referencing ACCOUNT/sg", async () => {
    const run = await scenario("req-cross-account", {
      client: { type: "aws-vpc", accountId: ACCOUNTS.apps, region: "us-east-1", vpcId: PAYMENTS.id, securityGroupIds: [PAYMENTS.sg] },
      authModes: ["iam", "scram"],
    });
    expect(run.plan.steps.find((s) => s.kind === "accept-peering")?.account).toBe(ACCOUNTS.apps);
    expect(run.problems).toEqual([]);
    const pcx = pcxOf(run.after);
    expect(run.after.peerings).toEqual([`${MSK_VPC.id}(dns) <-> ${PAYMENTS.id} active`]);
    expect(added(run.before, run.after, "routes")).toEqual({
      "rtb-0bbb0000000000001": [`${MSK_VPC.cidr} -> ${pcx}`],
      "rtb-0bbb0000000000002": [`${MSK_VPC.cidr} -> ${pcx}`],
      ...Object.fromEntries(MSK_VPC.routeTables.map((t) => [t, [`${PAYMENTS.cidr} -> ${pcx}`]])),
    });
    expect(added(run.before, run.after, "rules")).toEqual({
      [BROKER_SG]: [`in tcp 9096-9096 ${ACCOUNTS.apps}/${PAYMENTS.sg}`, `in tcp 9098-9098 ${ACCOUNTS.apps}/${PAYMENTS.sg}`],
    });
    expect(await run.rollback()).toEqual(run.before);
  });

  // The demo hub keeps CreateTransitGateway's defaults (Transit Gateway guide, tgw-route-tables): AWS associates the
  // new attachment with, and propagates it into, the default table. Before the plan knew, the associate step failed
  // with TransitGatewayAssociationElsewhere after the share and the attachment were made.
  it("on-premises: TGW shared, MSK VPC attached, accepted, moved off the TGW's default table, associated and propagated, routes to the TGW, rule by on-prem CIDR", async () => {
    const run = await scenario("req-on-prem", { client: { type: "on-prem", cidrs: ["192.168.0.0/16"] }, authModes: ["iam"] });
    expect(run.plan.steps.map((s) => s.key).slice(0, 7)).toEqual([
      `share-tgw:${ACCOUNTS.msk}`, "attach-vpc-to-tgw:cluster", "accept-tgw-attachment:cluster", "disable-tgw-default-propagation:cluster",
      "disassociate-tgw-default-route-table:cluster", "associate-tgw-route-table:cluster", `enable-tgw-propagation:cluster:${TGW.onPremTable}`,
    ]);
    expect(kinds(run.plan).slice(7)).toEqual(["create-route", "create-route", "create-route", "authorize-sg-ingress"]);
    expect(run.problems).toEqual([]);
    // Direct Connect both ways: the seeded association allows the MSK VPC's CIDR, and the data centre's range is
    // propagated into the table the MSK attachment is associated with; nothing blocks.
    expect(run.plan.preflight.filter((f) => f.severity === "block")).toEqual([]);
    expect(run.plan.preflight.find((f) => f.code === "tgw-default-propagation")).toMatchObject({ severity: "warn", message: expect.stringContaining(TGW.defaultTable) as unknown });
    expect(run.after.shares).toEqual([`${TGW.arn} -> ${ACCOUNTS.msk}`]);
    expect(run.after.attachments).toContain(`vpc ${MSK_VPC.id} available ${TGW.vpcsTable}`);
    expect(run.after.propagations[TGW.onPremTable]).toEqual([`vpc:${MSK_VPC.id}`]);
    expect(run.after.propagations[TGW.defaultTable]).toEqual([]);
    expect(added(run.before, run.after, "routes")).toEqual(Object.fromEntries(MSK_VPC.routeTables.map((t) => [t, [`192.168.0.0/16 -> ${TGW.id}`]])));
    expect(added(run.before, run.after, "rules")).toEqual({ [BROKER_SG]: ["in tcp 9098-9098 192.168.0.0/16"] });

    expect(await run.rollback()).toEqual(run.before);
  });

  it("other account through the TGW hub: both VPCs leave the default table, associate with the VPC table, routes both ways", async () => {
    const run = await scenario("req-tgw-vpc", {
      client: { type: "aws-vpc", accountId: ACCOUNTS.apps, region: "us-east-1", vpcId: PAYMENTS.id, securityGroupIds: [PAYMENTS.sg] },
      authModes: ["iam"],
      preferTgw: true,
    });
    expect(run.plan.method).toBe("transit-gateway");
    expect(run.plan.steps.filter((s) => s.key.includes("default")).map((s) => s.key)).toEqual([
      "disable-tgw-default-propagation:cluster", "disassociate-tgw-default-route-table:cluster",
      "disable-tgw-default-propagation:client", "disassociate-tgw-default-route-table:client",
    ]);
    expect(run.problems).toEqual([]);
    expect(run.after.attachments.filter((a) => a.startsWith("vpc "))).toEqual([
      `vpc ${MSK_VPC.id} available ${TGW.vpcsTable}`,
      `vpc ${PAYMENTS.id} available ${TGW.vpcsTable}`,
    ]);
    expect(run.after.propagations[TGW.vpcsTable]).toEqual(["direct-connect-gateway:5f2e7a1b-3c4d-4e5f-8a9b-0c1d2e3f4a5b", `vpc:${MSK_VPC.id}`, `vpc:${PAYMENTS.id}`]);
    expect(run.after.propagations[TGW.defaultTable]).toEqual([]);
    expect(await run.rollback()).toEqual(run.before);
  });

  it("SaaS: multi-VPC connectivity on for IAM and the provider's account granted; the provider's CreateVpcConnection is not the portal's", async () => {
    const run = await scenario("req-saas", { client: { type: "saas", accountId: ACCOUNTS.saas, providerName: "StreamCo" }, authModes: ["iam"] });
    expect(kinds(run.plan)).toEqual(["enable-multi-vpc-connectivity", "put-cluster-policy"]);
    expect(run.problems).toEqual([]);
    expect(run.after.clusters[ORDERS_ARN]?.vpcConnectivity).toEqual({ iam: true, scram: false, tls: false });
    const policy = JSON.parse(run.after.clusters[ORDERS_ARN]?.policy ?? "{}") as { Statement: { Sid: string; Principal: unknown }[] };
    // The grant for CreateVpcConnection first, then the IAM data-plane statements for the provider's clients.
    expect(policy.Statement[0]?.Sid).toBe(`MskPortalVpcConnection${ACCOUNTS.saas}`);
    expect(policy.Statement.every((s) => s.Sid.startsWith(`MskPortal`) && s.Sid.includes(ACCOUNTS.saas))).toBe(true);
    expect(policy.Statement[0]?.Principal).toEqual({ AWS: `arn:aws:iam::${ACCOUNTS.saas}:root` });
    expect(run.after.vpcConnections).toEqual([]);
    expect(await run.rollback()).toEqual(run.before);
  });

  it("a VPC client that prefers multi-VPC connectivity: the plan goes on to the client's own VPC connection", async () => {
    const run = await scenario("req-mvpc-client", {
      client: { type: "aws-vpc", accountId: ACCOUNTS.apps, region: "us-east-1", vpcId: PAYMENTS.id, securityGroupIds: [PAYMENTS.sg] },
      authModes: ["iam"],
      preferredMethod: "multi-vpc-private-connectivity",
    });
    expect(kinds(run.plan)).toEqual(["enable-multi-vpc-connectivity", "put-cluster-policy", "create-vpc-connection-sg", "create-vpc-connection"]);
    expect(run.problems).toEqual([]);
    expect(run.after.vpcConnections).toEqual([expect.stringMatching(/vpc-connection\/111111111111\/orders-prod\/.* AVAILABLE$/)]);
    // The connection's own group admits the client's group on the whole multi-VPC port range.
    const groups = Object.entries(run.after.rules).filter(([id]) => !Object.keys(run.before.rules).includes(id));
    expect(groups.map(([, rules]) => rules)).toEqual([[expect.stringMatching(new RegExp(`^in tcp 14001-14100 .*/${PAYMENTS.sg}$`)), "out -1 -1--1 0.0.0.0/0"]]);
    expect(await run.rollback()).toEqual(run.before);
  });

  it("with 20% throttling and 5xx injected, a run still converges with no resource made twice", async () => {
    const plan = await planFor(env.access, {
      requestId: "req-faults",
      client: { type: "aws-vpc", accountId: ACCOUNTS.apps, region: "us-east-1", vpcId: PAYMENTS.id, securityGroupIds: [PAYMENTS.sg] },
      authModes: ["iam", "scram"],
    });
    const before = await snapshot(env);
    await env.control("DELETE", "/_sandbox/calls");
    await env.control("POST", "/_sandbox/faults", { rate: 0.2, kinds: ["throttle", "5xx"] });
    const records = await runPlan(env.access, plan, "req-faults");
    const problems = await verifyPlan(env.access, plan, "req-faults", records);
    const calls = (await env.control("GET", "/_sandbox/calls")) as CallRecord[];
    await env.control("DELETE", "/_sandbox/faults");

    expect(problems).toEqual([]);
    expect(calls.some((c) => c.status >= 500 || c.status === 429 || c.errorCode === "Throttling")).toBe(true);
    const succeeded = (op: string) => calls.filter((c) => c.operation === op && c.status < 300).length;
    expect(succeeded("CreateVpcPeeringConnection")).toBe(1);
    expect(succeeded("AcceptVpcPeeringConnection")).toBe(1);
    expect(succeeded("CreateRoute")).toBe(plan.steps.filter((s) => s.kind === "create-route").length);
    expect(succeeded("AuthorizeSecurityGroupIngress")).toBe(plan.steps.filter((s) => s.kind === "authorize-sg-ingress").length);
    const after = await snapshot(env);
    expect(after.peerings).toHaveLength(1);
    for (const routes of Object.values(after.routes)) expect(new Set(routes.map((r) => r.split(" -> ")[0])).size).toBe(routes.length);
    expect(new Set(after.rules[BROKER_SG]).size).toBe(after.rules[BROKER_SG]?.length);

    await env.control("POST", "/_sandbox/faults", { rate: 0.2, kinds: ["throttle", "5xx"] });
    await undoPlan(env.access, plan, "req-faults", records);
    await env.control("DELETE", "/_sandbox/faults");
    expect(await snapshot(env)).toEqual(before);
    // The SDK's adaptive retries back off for real, which takes seconds.
  }, 90_000);
});
