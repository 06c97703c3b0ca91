import { DescribeClusterV2Command, GetClusterPolicyCommand, PutClusterPolicyCommand, type KafkaClient } from "@aws-sdk/client-kafka";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AwsAccess } from "../aws-access";
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
});

const DUPLICATE = "deliver-twice";

/**
 * The first `operation` call reaches MSK twice, the second answer being the one the caller sees: what an SDK
 * retry does after the first answer was lost on the way back.
 */
function deliveredTwice(access: AwsAccess, operation: string): { access: AwsAccess; restore: () => void } {
  let armed = true;
  const clients: KafkaClient[] = [];
  const kafka = (account: string, region: string) => {
    const client = access.kafka(account, region);
    if (!clients.includes(client)) {
      clients.push(client);
      client.middlewareStack.add(
        (next, context) => async (args) => {
          if (armed && context.commandName === `${operation}Command`) {
            armed = false;
            await next(args);
          }
          return next(args);
        },
        { step: "finalizeRequest", name: DUPLICATE },
      );
    }
    return client;
  };
  return { access: { ...access, kafka }, restore: () => clients.forEach((c) => c.middlewareStack.remove(DUPLICATE)) };
}

// MSK API reference (UpdateConnectivity, PutClusterPolicy): both take the current version and refuse a stale
// one with BadRequestException; a retried call meets the version its own first delivery moved on.
describe("version-locked MSK calls retried after a lost answer", () => {
  it("UpdateConnectivity: the refusal is waited out and taken as done once the schemes are on, without claiming them", async () => {
    const { access, restore } = deliveredTwice(env.access, "UpdateConnectivity");
    try {
      const step = planStep({
        key: "enable-multi-vpc-connectivity",
        kind: "enable-multi-vpc-connectivity",
        account: ACCOUNTS.msk,
        command: "UpdateConnectivityCommand",
        input: { ClusterArn: ORDERS_ARN, ConnectivityInfo: { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true } } } } } },
      });
      const record = await executeUntilDone(executorFor("enable-multi-vpc-connectivity"), testContext(access, step));
      const cluster = await env.access.kafka(ACCOUNTS.msk, "us-east-1").send(new DescribeClusterV2Command({ ClusterArn: ORDERS_ARN }));
      expect(cluster.ClusterInfo?.Provisioned?.BrokerNodeGroupInfo?.ConnectivityInfo?.VpcConnectivity?.ClientAuthentication?.Sasl?.Iam?.Enabled).toBe(true);
      // The update under way may have been someone else's: relied on, not owned, so undo leaves it on.
      expect(record.created).toEqual([]);
      expect(record.reused).toContain(`${ORDERS_ARN}#iam`);
    } finally {
      restore();
    }
  });

  it("PutClusterPolicy: the conflict is taken as done when the policy already holds the statements", async () => {
    const { access, restore } = deliveredTwice(env.access, "PutClusterPolicy");
    try {
      const statement = { Sid: "MskPortalVpcConnection444444444444", Effect: "Allow", Principal: { AWS: "arn:aws:iam::444444444444:root" }, Action: ["kafka:CreateVpcConnection"], Resource: ORDERS_ARN };
      const step = planStep({
        key: "put-cluster-policy",
        kind: "put-cluster-policy",
        account: ACCOUNTS.msk,
        command: "PutClusterPolicyCommand",
        input: { ClusterArn: ORDERS_ARN, Policy: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }) },
        undo: { command: "DeleteClusterPolicyCommand", input: { ClusterArn: ORDERS_ARN } },
      });
      // The policy exists, so the call carries a CurrentVersion that the first delivery moves on.
      const kafka = env.access.kafka(ACCOUNTS.msk, "us-east-1");
      const seed = { Version: "2012-10-17", Statement: [{ Sid: "Other", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kafka:*", Resource: ORDERS_ARN }] };
      await kafka.send(new PutClusterPolicyCommand({ ClusterArn: ORDERS_ARN, Policy: JSON.stringify(seed) }));
      const record = await executeUntilDone(executorFor("put-cluster-policy"), testContext(access, step));
      const live = await kafka.send(new GetClusterPolicyCommand({ ClusterArn: ORDERS_ARN }));
      const policy = JSON.parse(live.Policy ?? "{}") as { Statement: { Sid: string }[] };
      expect(policy.Statement.map((s) => s.Sid)).toEqual(["Other", statement.Sid]);
      expect(record.created.map((c) => c.id)).toEqual([`${ORDERS_ARN}#${statement.Sid}`]);
    } finally {
      restore();
    }
  });
});
