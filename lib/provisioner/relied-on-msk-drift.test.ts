import { DescribeClusterV2Command, GetClusterPolicyCommand, PutClusterPolicyCommand, UpdateConnectivityCommand } from "@aws-sdk/client-kafka";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ClientLocation } from "@/lib/domain/request-input";
import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";

import { checkDrift } from "./check-drift";
import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";

const CLUSTER = { account: "111111111111", region: "us-east-1" };
const OTHER_ACCOUNT: ClientLocation = { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] };
const clusterArn = DEMO_CLUSTERS[0]?.arn ?? "";
const clusterName = clusterArn.split("/")[1] ?? "";

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
});
afterAll(() => h?.close());

const kafka = () => h.env.accessWith({ roleNameOrArn: () => "OrganizationAccountAccessRole", externalId: () => undefined }).kafka(CLUSTER.account, CLUSTER.region);

async function activeRequest() {
  const request = await h.fileWith("alice", OTHER_ACCOUNT, { preferredMethod: "multi-vpc-private-connectivity" });
  await h.act("bob", request.id, "approve");
  await h.run(request.id);
  return request.id;
}

describe("drift of the multi-VPC connectivity and cluster policy a request relies on", () => {
  it("reports a statement someone takes out of the cluster policy and a scheme someone turns off", async () => {
    await activeRequest();
    const second = await activeRequest();
    expect(await h.status(second)).toBe("ACTIVE");
    const deps = await h.deps();
    expect(await checkDrift(second, deps)).toEqual([]);
    const relied = (await h.prisma.resourceClaim.findMany({ where: { requestId: second, stepKey: null, releasedAt: null } })).map((c) => c.resource);
    expect(relied).toContain(`${clusterArn}#iam`);
    const sid = relied.find((r) => r.startsWith(`${clusterArn}#MskPortalVpcConnection`))?.split("#")[1] ?? "";
    expect(sid).not.toBe("");

    const policy = await kafka().send(new GetClusterPolicyCommand({ ClusterArn: clusterArn }));
    const document = JSON.parse(policy.Policy ?? "{}") as { Statement: { Sid?: string }[] };
    const without = { ...document, Statement: document.Statement.filter((s) => s.Sid !== sid) };
    await kafka().send(new PutClusterPolicyCommand({ ClusterArn: clusterArn, CurrentVersion: policy.CurrentVersion, Policy: JSON.stringify(without) }));
    expect(await checkDrift(second, deps)).toEqual([
      { step: "relied-on", summary: `statement ${sid} of ${clusterName}'s cluster policy (relied on)`, problem: `${clusterName}'s cluster policy no longer has statement ${sid}` },
    ]);

    const cluster = (await kafka().send(new DescribeClusterV2Command({ ClusterArn: clusterArn }))).ClusterInfo;
    await kafka().send(
      new UpdateConnectivityCommand({
        ClusterArn: clusterArn,
        CurrentVersion: cluster?.CurrentVersion,
        ConnectivityInfo: { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: false }, Scram: { Enabled: false } }, Tls: { Enabled: false } } } },
      }),
    );
    await expect.poll(async () => (await checkDrift(second, deps)).map((p) => p.problem), { timeout: 20_000 }).toContain(`Multi-VPC connectivity for iam is off on ${clusterName}`);
    const audit = await h.prisma.auditEvent.findMany({ where: { requestId: second, action: { startsWith: "request.drift" } } });
    expect(audit.map((e) => e.action)).toEqual(["request.drift-detected", "request.drift-detected"]);
  });
});
