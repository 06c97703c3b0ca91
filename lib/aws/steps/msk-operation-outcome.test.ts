import { DescribeClusterV2Command } from "@aws-sdk/client-kafka";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describeAwsError } from "../aws-errors";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { executorFor } from "./step-executor";
import { executeUntilDone } from "./testing/drive";
import { ACCOUNTS, ORDERS_ARN } from "./testing/fixtures";
import { planStep, testContext } from "./testing/step-context";

let env: SandboxAccess;
beforeAll(async () => {
  env = await startSandboxAccess();
});
afterAll(() => env.close());
beforeEach(async () => {
  await env.control("POST", "/_sandbox/reset");
  await env.clearCalls();
});

const step = planStep({
  key: "enable-multi-vpc-connectivity",
  kind: "enable-multi-vpc-connectivity",
  account: ACCOUNTS.msk,
  command: "UpdateConnectivityCommand",
  input: { ClusterArn: ORDERS_ARN, ConnectivityInfo: { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true } } } } } },
});
const executor = executorFor("enable-multi-vpc-connectivity");
const updates = async () => (await env.calls()).filter((c) => c.operation === "UpdateConnectivity" && c.status === 200).length;
const failureOf = (p: Promise<unknown>) => p.then(() => { throw new Error("expected the step to fail"); }, (e: unknown) => e);

// MSK API reference, DescribeClusterOperationV2: a failed operation ends UPDATE_FAILED and carries ErrorInfo.
// Each UpdateConnectivity is a rolling restart of every broker, so a failed one is not simply issued again.
describe("enable-multi-vpc-connectivity after MSK's operation failed", () => {
  it("fails with MSK's reason, not retryable, after exactly one UpdateConnectivity", async () => {
    await env.control("POST", "/_sandbox/msk/operation-failure", { clusterArn: ORDERS_ARN, errorCode: "InternalFailure", errorString: "Brokers failed to restart" });
    const ctx = testContext(env.access, step);
    const error = await failureOf(executeUntilDone(executor, ctx));
    const info = describeAwsError(error);
    expect(info).toMatchObject({ code: "MskOperationFailed", retryable: false });
    expect(info.message).toContain("Brokers failed to restart (InternalFailure)");
    expect(await updates()).toBe(1);
    const cluster = await env.access.kafka(ACCOUNTS.msk, "us-east-1").send(new DescribeClusterV2Command({ ClusterArn: ORDERS_ARN }));
    expect(cluster.ClusterInfo?.Provisioned?.BrokerNodeGroupInfo?.ConnectivityInfo?.VpcConnectivity?.ClientAuthentication?.Sasl?.Iam?.Enabled).toBe(false);

    // A person's retry of the request runs the step again from what it saved: that one updates again, and succeeds.
    const saved = ctx.saves.at(-1) ?? null;
    expect(saved?.outputs.FailedOperationArn).toMatch(/:cluster-operation\//);
    const record = await executeUntilDone(executor, testContext(env.access, step, { previous: saved }));
    expect(await updates()).toBe(2);
    expect(record.created.map((c) => c.id)).toEqual([`${ORDERS_ARN}#iam`]);
  });

  it("reads the completed operation before calling the step done", async () => {
    await executeUntilDone(executor, testContext(env.access, step));
    const operations = (await env.calls()).filter((c) => c.operation === "DescribeClusterOperationV2");
    expect(operations.length).toBeGreaterThan(0);
    expect(await updates()).toBe(1);
  });
});
