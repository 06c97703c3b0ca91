import { CreateVpcConnectionCommand, DescribeClusterV2Command, DescribeVpcConnectionCommand } from "@aws-sdk/client-kafka";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CLIENT_VPCS, connectOutsideThePortal } from "@/lib/aws/testing/client-vpc-connection";
import { eventually } from "@/lib/aws/testing/eventually";
import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";

import { rejectClientVpcConnectionAs } from "./reject-client-vpc-connection";
import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";
import { watchClientVpcConnections } from "./watch-client-vpc-connections";
import { stepKindColumn } from "@/lib/db/enums/domain-enums";

const CLUSTER_ARN = DEMO_CLUSTERS[0]?.arn ?? "";
const SAAS = "444444444444";
const STRAY = "222222222222";

let h: ProvisioningHarness;
let clusterId: string;
let requestId: string;
let requestNumber: number;
let saasArn: string;
let strayArn: string;

const access = async () => (await h.deps()).access;
const stateOf = async (account: string, arn: string) =>
  (await h.env.access.kafka(account, "us-east-1").send(new DescribeVpcConnectionCommand({ Arn: arn }))).State;
const rejectEvents = () => h.prisma.auditEvent.findMany({ where: { action: "cluster.connection-reject" } });

// A SaaS request the portal provisioned, the provider's connection it granted, and one from an account no
// request granted (someone else added it to the cluster policy).
beforeAll(async () => {
  h = await startProvisioningHarness();
  clusterId = (await h.prisma.cluster.findUniqueOrThrow({ where: { arn: CLUSTER_ARN } })).id;
  const request = await h.file("alice", { type: "saas", accountId: SAAS, providerName: "StreamCo" });
  await h.act("bob", request.id, "approve");
  await h.run(request.id);
  expect(await h.status(request.id)).toBe("ACTIVE");
  requestId = request.id;
  requestNumber = (await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).number;
  const provider = h.env.access.kafka(SAAS, "us-east-1");
  const made = await provider.send(
    new CreateVpcConnectionCommand({ TargetClusterArn: CLUSTER_ARN, Authentication: "SASL_IAM", ...copy(CLIENT_VPCS[SAAS]) }),
  );
  saasArn = made.VpcConnectionArn ?? "";
  await eventually(async () => (await stateOf(SAAS, saasArn)) === "AVAILABLE");
  strayArn =
    (await connectOutsideThePortal(h.env.access, CLUSTER_ARN, [{ account: STRAY, authentication: "SASL_IAM" }]))[0] ?? "";
}, 60_000);
afterAll(() => h?.close());

const copy = (v: (typeof CLIENT_VPCS)[keyof typeof CLIENT_VPCS]) => ({
  VpcId: v.VpcId,
  ClientSubnets: [...v.ClientSubnets],
  SecurityGroups: [...v.SecurityGroups],
});

describe("watching a cluster's client VPC connections", () => {
  it("marks the provider's connection as the request's and the other as not expected", async () => {
    const watch = await watchClientVpcConnections(await access(), clusterId);
    if (!watch.ok) throw new Error(watch.error);
    const byArn = new Map(watch.connections.map((c) => [c.arn, c]));
    expect(byArn.get(saasArn)).toMatchObject({
      ownerAccount: SAAS,
      state: "AVAILABLE",
      expectedBy: { requestId, requestNumber },
      rejectable: true,
    });
    expect(byArn.get(strayArn)).toMatchObject({ ownerAccount: STRAY, expectedBy: null, rejectable: true });
  });
});

describe("rejecting a client VPC connection", () => {
  it("refuses a requester, and an ARN that is malformed or not the cluster's, changing nothing", async () => {
    const alice = h.person("alice");
    const bob = h.person("bob");
    const x = await access();
    await expect(rejectClientVpcConnectionAs(alice, { clusterId, connectionArn: strayArn }, x)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(rejectClientVpcConnectionAs(bob, { clusterId, connectionArn: "vpc-connection/nope" }, x)).rejects.toMatchObject({
      code: "bad-request",
      fieldErrors: { connectionArn: [expect.stringMatching(/Enter a VPC connection ARN/)] },
    });
    const unknown = `arn:aws:kafka:us-east-1:${STRAY}:vpc-connection/111111111111/orders-prod/00000000-0000-0000-0000-000000000000-9`;
    await expect(rejectClientVpcConnectionAs(bob, { clusterId, connectionArn: unknown }, x)).rejects.toMatchObject({
      code: "not-found",
      message: expect.stringMatching(/lists no client VPC connection .* Nothing was changed\./),
    });
    expect(await stateOf(STRAY, strayArn)).toBe("AVAILABLE");
    expect(await rejectEvents()).toEqual([]);
  });

  it("lets an approver reject it in the owner's account, audited with MSK's request id, and not twice", async () => {
    const bob = h.person("bob");
    const x = await access();
    const out = await rejectClientVpcConnectionAs(bob, { clusterId, connectionArn: strayArn }, x);
    expect(out.message).toMatch(/from account 222222222222/);
    expect(["REJECTING", "REJECTED"]).toContain(await stateOf(STRAY, strayArn));
    const calls = (await h.env.calls()).filter((c) => c.operation === "RejectClientVpcConnection");
    expect(calls.map((c) => [c.account, c.status])).toEqual([["111111111111", 200]]);
    const [event, ...more] = await rejectEvents();
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      actorId: bob.id,
      requestId: null,
      accountId: "111111111111",
      resourceIds: [strayArn],
      details: { owner: STRAY, authentication: "SASL_IAM", expectedBy: null, awsRequestId: calls[0]?.requestId },
    });
    await expect(rejectClientVpcConnectionAs(bob, { clusterId, connectionArn: strayArn }, x)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/MSK rejects only AVAILABLE connections/),
    });
    expect(await stateOf(SAAS, saasArn)).toBe("AVAILABLE");
  });
});

describe("decommissioning while the provider's connection is still up", () => {
  it("keeps IAM multi-VPC connectivity on and says whose connections use it", async () => {
    await h.act("alice", requestId, "decommission");
    await h.run(requestId);
    expect(await h.status(requestId)).toBe("DECOMMISSIONED");
    const step = await h.prisma.planStep.findFirstOrThrow({ where: { requestId, kind: stepKindColumn.toDb("enable-multi-vpc-connectivity") } });
    expect(step).toMatchObject({ status: "SKIPPED", error: `Kept: IAM used by connections from accounts ${SAAS}` });
    const cluster = await h.env.access
      .kafka("111111111111", "us-east-1")
      .send(new DescribeClusterV2Command({ ClusterArn: CLUSTER_ARN }));
    expect(
      cluster.ClusterInfo?.Provisioned?.BrokerNodeGroupInfo?.ConnectivityInfo?.VpcConnectivity?.ClientAuthentication?.Sasl?.Iam
        ?.Enabled,
    ).toBe(true);
    expect(await stateOf(SAAS, saasArn)).toBe("AVAILABLE");
  });
});
