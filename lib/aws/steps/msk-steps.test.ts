import {
  CreateVpcConnectionCommand,
  DescribeClusterV2Command,
  GetClusterPolicyCommand,
  PutClusterPolicyCommand,
  UpdateConnectivityCommand,
} from "@aws-sdk/client-kafka";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { eventually } from "../testing/eventually";
import { executorFor } from "./step-executor";
import { executeUntilDone, undoUntilDone } from "./testing/drive";
import { ACCOUNTS, ORDERS_ARN, PAYMENTS } from "./testing/fixtures";
import { checkLifecycle } from "./testing/lifecycle";
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

const kafka = () => env.access.kafka(ACCOUNTS.msk, "us-east-1");
const connectivity = (iam: boolean, scram = false, tls = false) => ({
  VpcConnectivity: {
    ClientAuthentication: { Sasl: { Iam: { Enabled: iam }, Scram: { Enabled: scram } }, Tls: { Enabled: tls } },
  },
});
const enableStep = planStep({
  key: "enable-multi-vpc-connectivity",
  kind: "enable-multi-vpc-connectivity",
  account: ACCOUNTS.msk,
  command: "UpdateConnectivityCommand",
  // A stale version on purpose: the executor reads the current one.
  input: { ClusterArn: ORDERS_ARN, CurrentVersion: "K0STALE", ConnectivityInfo: connectivity(true) },
});
const grant = (account: string) => ({
  Sid: `MskPortalVpcConnection${account}`,
  Effect: "Allow",
  Principal: { AWS: `arn:aws:iam::${account}:root` },
  Action: ["kafka:CreateVpcConnection", "kafka:GetBootstrapBrokers", "kafka:DescribeCluster", "kafka:DescribeClusterV2"],
  Resource: ORDERS_ARN,
});
const other = {
  Sid: "PlatformTeam",
  Effect: "Allow",
  Principal: { AWS: "arn:aws:iam::111111111111:root" },
  Action: "kafka:*",
  Resource: ORDERS_ARN,
};
const policyStep = (statements: unknown[], before: unknown[] | null) =>
  planStep({
    key: "put-cluster-policy",
    kind: "put-cluster-policy",
    account: ACCOUNTS.msk,
    command: "PutClusterPolicyCommand",
    input: { ClusterArn: ORDERS_ARN, Policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) },
    undo: before
      ? {
          command: "PutClusterPolicyCommand",
          input: { ClusterArn: ORDERS_ARN, Policy: JSON.stringify({ Version: "2012-10-17", Statement: before }) },
        }
      : { command: "DeleteClusterPolicyCommand", input: { ClusterArn: ORDERS_ARN } },
  });
const multiVpc = async () => (await snapshot(env)).clusters[ORDERS_ARN]?.vpcConnectivity;
const policySids = async () => {
  const doc = (await snapshot(env)).clusters[ORDERS_ARN]?.policy;
  return doc ? (JSON.parse(doc) as { Statement: { Sid: string }[] }).Statement.map((s) => s.Sid) : null;
};
const active = () =>
  eventually(
    async () => (await kafka().send(new DescribeClusterV2Command({ ClusterArn: ORDERS_ARN }))).ClusterInfo?.State === "ACTIVE",
  );

describe("enable-multi-vpc-connectivity", () => {
  it("turns IAM on with the current version, waits out UPDATING, and turns only IAM off on undo", async () => {
    const { record, problem } = await checkLifecycle({
      executor: executorFor("enable-multi-vpc-connectivity"),
      ctx: testContext(env.access, enableStep),
      count: async () => Object.values((await multiVpc()) ?? {}).filter(Boolean).length,
      expectCreated: 1,
    });
    expect(record.created[0]).toMatchObject({ type: "msk-multi-vpc-connectivity", id: `${ORDERS_ARN}#iam` });
    expect(problem).toMatch(/UPDATING|off for iam/);
    await active();
    expect(await multiVpc()).toEqual({ iam: false, scram: false, tls: false });
  });

  it("keeps a scheme someone turned on after planning, and leaves it on when undoing", async () => {
    const now = await kafka().send(new DescribeClusterV2Command({ ClusterArn: ORDERS_ARN }));
    await kafka().send(
      new UpdateConnectivityCommand({
        ClusterArn: ORDERS_ARN,
        CurrentVersion: now.ClusterInfo?.CurrentVersion,
        ConnectivityInfo: connectivity(false, true),
      }),
    );
    await active();
    const record = await executeUntilDone(executorFor("enable-multi-vpc-connectivity"), testContext(env.access, enableStep));
    expect(await multiVpc()).toEqual({ iam: true, scram: true, tls: false });
    await undoUntilDone(executorFor("enable-multi-vpc-connectivity"), testContext(env.access, enableStep), record);
    await active();
    expect(await multiVpc()).toEqual({ iam: false, scram: true, tls: false });
  });

  it("after a crash between UpdateConnectivity and the save, owns the scheme its claim announced", async () => {
    const crashing = testContext(env.access, enableStep, { crashOnSave: 2 });
    await expect(executorFor("enable-multi-vpc-connectivity").execute(crashing)).rejects.toThrow("simulated crash");
    const record = await executeUntilDone(
      executorFor("enable-multi-vpc-connectivity"),
      testContext(env.access, enableStep, { previous: crashing.saves[0] ?? null }),
    );
    expect(record.created.map((c) => c.id)).toEqual([`${ORDERS_ARN}#iam`]);
  });
});

describe("put-cluster-policy", () => {
  it("creates the policy when there was none and deletes it on undo", async () => {
    const { record, problem } = await checkLifecycle({
      executor: executorFor("put-cluster-policy"),
      ctx: testContext(env.access, policyStep([grant(ACCOUNTS.saas)], null)),
      count: async () => (await policySids())?.length ?? 0,
      expectCreated: 1,
    });
    expect(record.outputs.CurrentVersion).toBeTruthy();
    expect(problem).toMatch(/no longer grants MskPortalVpcConnection444444444444/);
    expect(await policySids()).toBeNull();
  });

  it("merges into the live policy with its CurrentVersion, keeping statements added since planning, and removes only its own", async () => {
    await kafka().send(
      new PutClusterPolicyCommand({
        ClusterArn: ORDERS_ARN,
        Policy: JSON.stringify({ Version: "2012-10-17", Statement: [other] }),
      }),
    );
    const step = policyStep([other, grant(ACCOUNTS.saas)], [other]);
    // Another request's grant lands after this plan was made.
    const live = await kafka().send(new GetClusterPolicyCommand({ ClusterArn: ORDERS_ARN }));
    await kafka().send(
      new PutClusterPolicyCommand({
        ClusterArn: ORDERS_ARN,
        CurrentVersion: live.CurrentVersion,
        Policy: JSON.stringify({ Version: "2012-10-17", Statement: [other, grant(ACCOUNTS.apps)] }),
      }),
    );
    const record = await executeUntilDone(executorFor("put-cluster-policy"), testContext(env.access, step));
    expect(await policySids()).toEqual([
      "PlatformTeam",
      "MskPortalVpcConnection222222222222",
      "MskPortalVpcConnection444444444444",
    ]);
    await undoUntilDone(executorFor("put-cluster-policy"), testContext(env.access, step), record);
    expect(await policySids()).toEqual(["PlatformTeam", "MskPortalVpcConnection222222222222"]);
  });
});

describe("create-vpc-connection", () => {
  it("creates one tagged connection from the client account, waits until AVAILABLE, and deletes it on undo", async () => {
    await executeUntilDone(executorFor("enable-multi-vpc-connectivity"), testContext(env.access, enableStep));
    await executeUntilDone(executorFor("put-cluster-policy"), testContext(env.access, policyStep([grant(ACCOUNTS.apps)], null)));
    const step = planStep({
      key: "create-vpc-connection:iam",
      kind: "create-vpc-connection",
      account: ACCOUNTS.apps,
      command: "CreateVpcConnectionCommand",
      input: {
        TargetClusterArn: ORDERS_ARN,
        Authentication: "SASL_IAM",
        VpcId: PAYMENTS.id,
        ClientSubnets: PAYMENTS.subnets,
        SecurityGroups: [PAYMENTS.sg],
        Tags: { [TAG_KEYS.requestId]: REQUEST_ID, [TAG_KEYS.stepKey]: "create-vpc-connection:iam" },
      },
    });
    const { record, problem } = await checkLifecycle({
      executor: executorFor("create-vpc-connection"),
      ctx: testContext(env.access, step),
      count: async () => (await snapshot(env)).vpcConnections.length,
      expectCreated: 1,
    });
    expect(record.outputs.VpcConnectionArn).toMatch(/^arn:aws:kafka:us-east-1:222222222222:vpc-connection\//);
    expect(problem).toMatch(/DELETING|gone/);
  });

  it("after an answer lost once MSK made the connection, adopts it instead of making a second", async () => {
    await executeUntilDone(executorFor("enable-multi-vpc-connectivity"), testContext(env.access, enableStep));
    await executeUntilDone(executorFor("put-cluster-policy"), testContext(env.access, policyStep([grant(ACCOUNTS.apps)], null)));
    const input = {
      TargetClusterArn: ORDERS_ARN,
      Authentication: "SASL_IAM",
      VpcId: PAYMENTS.id,
      ClientSubnets: PAYMENTS.subnets,
      SecurityGroups: [PAYMENTS.sg],
      Tags: { [TAG_KEYS.requestId]: REQUEST_ID, [TAG_KEYS.stepKey]: "create-vpc-connection:iam" },
    };
    // The call went through but its answer never reached the portal: nothing was recorded.
    const made = await env.access.kafka(ACCOUNTS.apps, "us-east-1").send(new CreateVpcConnectionCommand(input));
    const step = planStep({
      key: "create-vpc-connection:iam",
      kind: "create-vpc-connection",
      account: ACCOUNTS.apps,
      command: "CreateVpcConnectionCommand",
      input,
    });
    const record = await executeUntilDone(executorFor("create-vpc-connection"), testContext(env.access, step));
    expect(record.outputs.VpcConnectionArn).toBe(made.VpcConnectionArn);
    expect(record.created.map((c) => c.id)).toEqual([made.VpcConnectionArn]);
    expect((await snapshot(env)).vpcConnections).toHaveLength(1);
  });
});
