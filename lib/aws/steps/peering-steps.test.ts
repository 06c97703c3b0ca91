import { AuthorizeSecurityGroupIngressCommand, CreateRouteCommand, DescribeRouteTablesCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describeAwsError } from "../aws-errors";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { executorFor, type StepRecord } from "./step-executor";
import { executeUntilDone, undoUntilDone, verify } from "./testing/drive";
import { ACCOUNTS, BROKER_SG, MSK_VPC, PLATFORM_APPS, SAME_VPC_CLIENT_SG } from "./testing/fixtures";
import { checkLifecycle } from "./testing/lifecycle";
import { startScaledSandbox } from "./testing/scaled-sandbox";
import { snapshot } from "./testing/sandbox-state";
import { planStep, REQUEST_ID, TAG_KEYS, testContext } from "./testing/step-context";

let env: SandboxAccess;
beforeAll(async () => {
  env = await startSandboxAccess();
});
afterAll(() => env.close());
beforeEach(async () => {
  await env.control("POST", "/_sandbox/reset");
});

const tags = (key: string, type: string) => [
  { ResourceType: type, Tags: [{ Key: TAG_KEYS.requestId, Value: REQUEST_ID }, { Key: TAG_KEYS.stepKey, Value: key }] },
];
const createPeeringStep = planStep({
  key: "create-peering",
  kind: "create-peering",
  account: ACCOUNTS.msk,
  command: "CreateVpcPeeringConnectionCommand",
  input: { VpcId: MSK_VPC.id, PeerVpcId: PLATFORM_APPS.id, TagSpecifications: tags("create-peering", "vpc-peering-connection") },
});
const livePeerings = async () => (await snapshot(env)).peerings.length;

/** A peering made and accepted through the executors, for the steps that need an active one. */
async function activePeering(): Promise<{ id: string; record: StepRecord }> {
  const record = await executeUntilDone(executorFor("create-peering"), testContext(env.access, createPeeringStep));
  const id = record.outputs.VpcPeeringConnectionId ?? "";
  await executeUntilDone(executorFor("accept-peering"), testContext(env.access, acceptStep(id)));
  return { id, record };
}
const acceptStep = (id: string) =>
  planStep({ key: "accept-peering", kind: "accept-peering", account: ACCOUNTS.msk, command: "AcceptVpcPeeringConnectionCommand", input: { VpcPeeringConnectionId: id } });
const routeStep = (destination: string, target: Record<string, string>, table = PLATFORM_APPS.routeTable) =>
  planStep({
    key: `create-route:${table}:${destination}`,
    kind: "create-route",
    account: ACCOUNTS.msk,
    command: "CreateRouteCommand",
    input: { RouteTableId: table, DestinationCidrBlock: destination, ...target },
  });
const sgStep = planStep({
  key: `authorize-sg-ingress:${BROKER_SG}:9098`,
  kind: "authorize-sg-ingress",
  account: ACCOUNTS.msk,
  command: "AuthorizeSecurityGroupIngressCommand",
  input: {
    GroupId: BROKER_SG,
    IpPermissions: [{ IpProtocol: "tcp", FromPort: 9098, ToPort: 9098, UserIdGroupPairs: [{ GroupId: SAME_VPC_CLIENT_SG, Description: "msk-portal req" }] }],
    TagSpecifications: tags(`authorize-sg-ingress:${BROKER_SG}:9098`, "security-group-rule"),
  },
});
const routesIn = async (table: string) => (await snapshot(env)).routes[table] ?? [];
const rulesOn = async (group: string) => (await snapshot(env)).rules[group] ?? [];

describe("create-peering", () => {
  it("requests one tagged peering, waits out initiating-request, and deletes it on undo", async () => {
    const { record, problem } = await checkLifecycle({
      executor: executorFor("create-peering"),
      ctx: testContext(env.access, createPeeringStep),
      count: livePeerings,
      expectCreated: 1,
    });
    expect(record.outputs.VpcPeeringConnectionId).toMatch(/^pcx-/);
    expect(record.created[0]).toMatchObject({ type: "vpc-peering-connection", account: ACCOUNTS.msk, region: "us-east-1" });
    expect(problem).toMatch(/deleted|gone/);
    expect(await livePeerings()).toBe(0);
  });

  it("finds its tagged peering after a crash that lost the record, instead of requesting another", async () => {
    const ctx = testContext(env.access, createPeeringStep, { crashOnSave: 1 });
    await expect(executorFor("create-peering").execute(ctx)).rejects.toThrow("simulated crash");
    const record = await executeUntilDone(executorFor("create-peering"), testContext(env.access, createPeeringStep));
    expect(record.created).toHaveLength(1);
    expect(await livePeerings()).toBe(1);
  });

  it("given a previous record holding only the created id, finishes without a second peering", async () => {
    const first = await executorFor("create-peering").execute(testContext(env.access, createPeeringStep));
    const previous: StepRecord = { outputs: {}, created: first.record.created, requestIds: [] };
    const record = await executeUntilDone(executorFor("create-peering"), testContext(env.access, createPeeringStep, { previous }));
    expect(record.outputs.VpcPeeringConnectionId).toBe(first.record.outputs.VpcPeeringConnectionId);
    expect(record.created).toEqual(first.record.created);
    expect(await livePeerings()).toBe(1);
  });

  it("uses a live peering someone else made between the VPCs and never deletes it", async () => {
    const other = await executeUntilDone(
      executorFor("create-peering"),
      testContext(env.access, createPeeringStep, { requestId: "someone-else" }),
    );
    const record = await executeUntilDone(executorFor("create-peering"), testContext(env.access, createPeeringStep));
    expect(record.outputs.VpcPeeringConnectionId).toBe(other.outputs.VpcPeeringConnectionId);
    expect(record.created).toEqual([]);
    await undoUntilDone(executorFor("create-peering"), testContext(env.access, createPeeringStep), record);
    expect(await livePeerings()).toBe(1);
  });

  it("fails clearly when AWS fails the request because the CIDRs overlap", async () => {
    const step = { ...createPeeringStep, input: { ...createPeeringStep.input, PeerVpcId: "vpc-0bbb0000000000003", PeerOwnerId: ACCOUNTS.apps } };
    const error = await executeUntilDone(executorFor("create-peering"), testContext(env.access, step)).catch((e: unknown) => e);
    expect(describeAwsError(error)).toMatchObject({ code: "VpcPeeringFailed", retryable: false });
    expect(String((error as Error).message)).toMatch(/overlap/i);
  });
});

describe("accept-peering", () => {
  it("waits while the request initiates, accepts, and is done at active", async () => {
    const created = await executeUntilDone(executorFor("create-peering"), testContext(env.access, createPeeringStep));
    const id = created.outputs.VpcPeeringConnectionId ?? "";
    const { problem } = await checkLifecycle({
      executor: executorFor("accept-peering"),
      ctx: testContext(env.access, acceptStep(id)),
      count: livePeerings,
      expectCreated: 0,
      undoPrerequisite: async () => {
        await undoUntilDone(executorFor("create-peering"), testContext(env.access, createPeeringStep), created);
      },
    });
    expect(problem).toMatch(/not active/);
  });

  it("says it is waiting while the peering is initiating-request", async () => {
    // Initiating takes 1 s in AWS; at this scale 50 ms, long enough to look in between.
    const slow = await startScaledSandbox(0.05);
    try {
      const created = await executorFor("create-peering").execute(testContext(slow.access, createPeeringStep));
      expect(created.status === "waiting" ? created.reason : created.status).toMatch(/initiating-request/);
      const first = await executorFor("accept-peering").execute(testContext(slow.access, acceptStep(created.record.outputs.VpcPeeringConnectionId ?? "")));
      expect(first.status === "waiting" ? first.reason : first.status).toMatch(/initiating-request/);
    } finally {
      await slow.close();
    }
  });
});

describe("enable-peering-dns", () => {
  it("switches the requester option on, and off again only because it switched it on", async () => {
    const { id } = await activePeering();
    const step = planStep({
      key: "enable-peering-dns",
      kind: "enable-peering-dns",
      account: ACCOUNTS.msk,
      command: "ModifyVpcPeeringConnectionOptionsCommand",
      input: { VpcPeeringConnectionId: id, RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true } },
    });
    const { problem } = await checkLifecycle({ executor: executorFor("enable-peering-dns"), ctx: testContext(env.access, step), count: livePeerings, expectCreated: 1 });
    expect(problem).toMatch(/DNS resolution .* off/);

    // Already on before the step ran: done, not created, left on by undo.
    await executeUntilDone(executorFor("enable-peering-dns"), testContext(env.access, step, { requestId: "someone-else" }));
    const record = await executeUntilDone(executorFor("enable-peering-dns"), testContext(env.access, step));
    expect(record.created).toEqual([]);
    await undoUntilDone(executorFor("enable-peering-dns"), testContext(env.access, step), record);
    expect(await verify(executorFor("enable-peering-dns"), testContext(env.access, step), record)).toEqual({ ok: true });
  });
});

describe("create-route", () => {
  it("adds the route to the peering once and deletes only it", async () => {
    const { id } = await activePeering();
    const step = routeStep(MSK_VPC.cidr, { VpcPeeringConnectionId: id });
    const before = await routesIn(PLATFORM_APPS.routeTable);
    const { problem } = await checkLifecycle({
      executor: executorFor("create-route"),
      ctx: testContext(env.access, step),
      count: async () => (await routesIn(PLATFORM_APPS.routeTable)).length,
      expectCreated: 1,
    });
    expect(problem).toMatch(/no route for 10\.0\.0\.0\/16/);
    expect(await routesIn(PLATFORM_APPS.routeTable)).toEqual(before);
  });

  it("treats a route that was already there as done, not created, and leaves it on undo", async () => {
    const { id } = await activePeering();
    const ec2 = env.access.ec2(ACCOUNTS.msk, "us-east-1");
    await ec2.send(new CreateRouteCommand({ RouteTableId: PLATFORM_APPS.routeTable, DestinationCidrBlock: MSK_VPC.cidr, VpcPeeringConnectionId: id }));
    const step = routeStep(MSK_VPC.cidr, { VpcPeeringConnectionId: id });
    const record = await executeUntilDone(executorFor("create-route"), testContext(env.access, step));
    expect(record.created).toEqual([]);
    await undoUntilDone(executorFor("create-route"), testContext(env.access, step), record);
    expect(await routesIn(PLATFORM_APPS.routeTable)).toContain(`${MSK_VPC.cidr} -> ${id}`);
  });

  it("after a crash between CreateRoute and the save, owns the route its claim announced", async () => {
    const { id } = await activePeering();
    const step = routeStep(MSK_VPC.cidr, { VpcPeeringConnectionId: id });
    const crashing = testContext(env.access, step, { crashOnSave: 2 });
    await expect(executorFor("create-route").execute(crashing)).rejects.toThrow("simulated crash");
    const record = await executeUntilDone(executorFor("create-route"), testContext(env.access, step, { previous: crashing.saves[0] ?? null }));
    expect(record.created).toEqual([{ type: "route", id: `${PLATFORM_APPS.routeTable}|${MSK_VPC.cidr}`, account: ACCOUNTS.msk, region: "us-east-1" }]);
    expect((await routesIn(PLATFORM_APPS.routeTable)).filter((r) => r.startsWith(MSK_VPC.cidr))).toHaveLength(1);
  });

  it("refuses a destination routed elsewhere, and never deletes a VPC's local route even if a record names it", async () => {
    const { id } = await activePeering();
    const local = routeStep(PLATFORM_APPS.cidr, { VpcPeeringConnectionId: id });
    const error = await executorFor("create-route").execute(testContext(env.access, local)).catch((e: unknown) => e);
    expect(describeAwsError(error)).toMatchObject({ code: "RouteConflict", retryable: false });

    const forged: StepRecord = {
      outputs: {},
      created: [{ type: "route", id: `${PLATFORM_APPS.routeTable}|${PLATFORM_APPS.cidr}`, account: ACCOUNTS.msk, region: "us-east-1" }],
      requestIds: [],
    };
    await undoUntilDone(executorFor("create-route"), testContext(env.access, local), forged);
    const tables = await env.access.ec2(ACCOUNTS.msk, "us-east-1").send(new DescribeRouteTablesCommand({ RouteTableIds: [PLATFORM_APPS.routeTable] }));
    expect(tables.RouteTables?.[0]?.Routes?.map((r) => r.DestinationCidrBlock)).toContain(PLATFORM_APPS.cidr);
  });

  it("lets IncorrectState through while the peering is not active, for the runner to retry", async () => {
    const created = await executeUntilDone(executorFor("create-peering"), testContext(env.access, createPeeringStep));
    const step = routeStep(MSK_VPC.cidr, { VpcPeeringConnectionId: created.outputs.VpcPeeringConnectionId ?? "" });
    const ctx = testContext(env.access, step);
    const error = await executorFor("create-route").execute(ctx).catch((e: unknown) => e);
    expect(describeAwsError(error)).toMatchObject({ code: "IncorrectState", retryable: true });
    // AWS said no, so nothing was made: the claim is released and a later same route is not taken for this step's.
    expect(ctx.saves.at(-1)?.outputs).toEqual({});
  });
});

describe("authorize-sg-ingress", () => {
  it("adds one tagged rule per source and revokes only it", async () => {
    const before = await rulesOn(BROKER_SG);
    const { record, problem } = await checkLifecycle({
      executor: executorFor("authorize-sg-ingress"),
      ctx: testContext(env.access, sgStep),
      count: async () => (await rulesOn(BROKER_SG)).length,
      expectCreated: 1,
    });
    expect(record.created[0]?.id).toMatch(/^sgr-/);
    expect(problem).toMatch(/no longer allows tcp 9098-9098 from sg-0aaa0000000000002/);
    expect(await rulesOn(BROKER_SG)).toEqual(before);
  });

  it("finds its tagged rule after a crash that lost the record", async () => {
    const crashing = testContext(env.access, sgStep, { crashOnSave: 1 });
    await expect(executorFor("authorize-sg-ingress").execute(crashing)).rejects.toThrow("simulated crash");
    const count = (await rulesOn(BROKER_SG)).length;
    const record = await executeUntilDone(executorFor("authorize-sg-ingress"), testContext(env.access, sgStep));
    expect(record.created).toHaveLength(1);
    expect((await rulesOn(BROKER_SG)).length).toBe(count);
  });

  it("treats a rule that was already there as done, not created, and leaves it on undo", async () => {
    const ec2 = env.access.ec2(ACCOUNTS.msk, "us-east-1");
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: BROKER_SG,
        IpPermissions: [{ IpProtocol: "tcp", FromPort: 9098, ToPort: 9098, UserIdGroupPairs: [{ GroupId: SAME_VPC_CLIENT_SG }] }],
      }),
    );
    const before = await rulesOn(BROKER_SG);
    const record = await executeUntilDone(executorFor("authorize-sg-ingress"), testContext(env.access, sgStep));
    expect(record.created).toEqual([]);
    await undoUntilDone(executorFor("authorize-sg-ingress"), testContext(env.access, sgStep), record);
    expect(await rulesOn(BROKER_SG)).toEqual(before);
  });
});
