import { DescribeClusterV2Command, DescribeVpcConnectionCommand, RejectClientVpcConnectionCommand } from "@aws-sdk/client-kafka";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connectOutsideThePortal } from "../testing/client-vpc-connection";
import { eventually } from "../testing/eventually";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { executorFor } from "./step-executor";
import { executeUntilDone, undoUntilDone } from "./testing/drive";
import { ACCOUNTS, ORDERS_ARN } from "./testing/fixtures";
import { snapshot } from "./testing/sandbox-state";
import { planStep, testContext } from "./testing/step-context";

let env: SandboxAccess;
beforeAll(async () => {
  env = await startSandboxAccess();
});
afterAll(() => env.close());
beforeEach(async () => {
  await env.control("POST", "/_sandbox/reset");
});

const enableIamAndScram = planStep({
  key: "enable-multi-vpc-connectivity",
  kind: "enable-multi-vpc-connectivity",
  account: ACCOUNTS.msk,
  command: "UpdateConnectivityCommand",
  input: {
    ClusterArn: ORDERS_ARN,
    CurrentVersion: "K0STALE",
    ConnectivityInfo: {
      VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true }, Scram: { Enabled: true } } } },
    },
  },
});
const executor = executorFor("enable-multi-vpc-connectivity");
const multiVpc = async () => (await snapshot(env)).clusters[ORDERS_ARN]?.vpcConnectivity;
const stateOf = async (account: string, arn: string) =>
  (await env.access.kafka(account, "us-east-1").send(new DescribeVpcConnectionCommand({ Arn: arn }))).State;
const active = () =>
  eventually(
    async () =>
      (await env.access.kafka(ACCOUNTS.msk, "us-east-1").send(new DescribeClusterV2Command({ ClusterArn: ORDERS_ARN })))
        .ClusterInfo?.State === "ACTIVE",
  );

/** The step turns both schemes on; a SaaS provider then connects with IAM, outside any portal request. */
async function turnedOnThenUsedWithIam() {
  const ctx = testContext(env.access, enableIamAndScram);
  const record = await executeUntilDone(executor, ctx);
  expect(record.created.map((c) => c.id)).toEqual([`${ORDERS_ARN}#iam`, `${ORDERS_ARN}#scram`]);
  const [saas] = await connectOutsideThePortal(env.access, ORDERS_ARN, [{ account: ACCOUNTS.saas, authentication: "SASL_IAM" }]);
  return { ctx, record, saas: saas ?? "" };
}

describe("undo of enable-multi-vpc-connectivity while other connections use a scheme", () => {
  it("keeps the used scheme on, says whose connections use it, and still turns the unused one off", async () => {
    const { ctx, record, saas } = await turnedOnThenUsedWithIam();
    const result = await undoUntilDone(executor, ctx, record);
    expect(result.kept).toBe(`IAM used by connections from accounts ${ACCOUNTS.saas}`);
    await active();
    expect(await multiVpc()).toEqual({ iam: true, scram: false, tls: false });
    expect(await stateOf(ACCOUNTS.saas, saas)).toBe("AVAILABLE");
  });

  it("turns the scheme off once the connection that used it was rejected", async () => {
    const { ctx, record, saas } = await turnedOnThenUsedWithIam();
    await env.access
      .kafka(ACCOUNTS.msk, "us-east-1")
      .send(new RejectClientVpcConnectionCommand({ ClusterArn: ORDERS_ARN, VpcConnectionArn: saas }));
    await eventually(async () => (await stateOf(ACCOUNTS.saas, saas)) === "REJECTED");
    const result = await undoUntilDone(executor, ctx, record);
    expect(result.kept).toBeUndefined();
    await active();
    expect(await multiVpc()).toEqual({ iam: false, scram: false, tls: false });
  });
});
