import { DescribeClusterV2Command } from "@aws-sdk/client-kafka";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseClusterArn } from "@/lib/domain/cluster-arn";
import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";

import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
});
afterAll(() => h?.close());

const CLUSTER_ARN = DEMO_CLUSTERS[0]?.arn ?? "";

async function cluster() {
  const where = parseClusterArn(CLUSTER_ARN);
  const out = await h.env.access.kafka(where?.accountId ?? "", where?.region ?? "").send(new DescribeClusterV2Command({ ClusterArn: CLUSTER_ARN }));
  const auth = out.ClusterInfo?.Provisioned?.BrokerNodeGroupInfo?.ConnectivityInfo?.VpcConnectivity?.ClientAuthentication;
  return { state: out.ClusterInfo?.State, iam: auth?.Sasl?.Iam?.Enabled === true };
}

describe("decommissioning a multi-VPC (SaaS) request", () => {
  it("is Decommissioned only once MSK has finished turning multi-VPC connectivity off", async () => {
    expect(await cluster()).toEqual({ state: "ACTIVE", iam: false });
    const request = await h.file("alice", { type: "saas", accountId: "444444444444", providerName: "StreamCo" });
    await h.act("bob", request.id, "approve");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("ACTIVE");
    expect(await cluster()).toEqual({ state: "ACTIVE", iam: true });

    await h.act("alice", request.id, "decommission");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("DECOMMISSIONED");
    expect(await cluster()).toEqual({ state: "ACTIVE", iam: false });
  });
});
