import {
  AcceptVpcPeeringConnectionCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateRouteCommand,
  CreateVpcPeeringConnectionCommand,
  DeleteRouteCommand,
  DescribeRouteTablesCommand,
  DescribeVpcPeeringConnectionsCommand,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { snapshot } from "@/lib/aws/steps/testing/sandbox-state";
import { eventually } from "@/lib/aws/testing/eventually";
import type { ClientLocation } from "@/lib/domain/request-input";

import { checkDrift } from "./check-drift";
import { replanRequest } from "./plan-requests";
import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";
import { stepKindColumn } from "@/lib/db/enums/domain-enums";

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
});
afterAll(() => h?.close());

const SCENARIOS: [string, ClientLocation][] = [
  ["same-vpc", { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000001", securityGroupIds: ["sg-0aaa0000000000002"] }],
  ["cross-vpc", { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000002", securityGroupIds: ["sg-0aaa0000000000011"] }],
  ["cross-region", { type: "aws-vpc", accountId: "111111111111", region: "us-west-2", vpcId: "vpc-0aaa0000000000003", securityGroupIds: ["sg-0aaa0000000000021"] }],
  ["cross-account", { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] }],
  ["on-prem", { type: "on-prem", cidrs: ["192.168.10.0/24"] }],
  ["saas", { type: "saas", accountId: "444444444444", providerName: "StreamCo" }],
];

describe.each(SCENARIOS)("%s: approve -> ACTIVE -> decommission -> as before", (scenario, client) => {
  it("builds exactly the plan's resources, verifies them, and removes exactly them", async () => {
    const before = await snapshot(h.env);
    const request = await h.file("alice", client);
    expect(request.scenario).toBe(scenario);
    await h.act("bob", request.id, "approve");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("ACTIVE");

    const steps = await h.prisma.planStep.findMany({ where: { requestId: request.id } });
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((s) => s.status === "SUCCEEDED")).toBe(true);
    const during = await snapshot(h.env);
    expect(during).not.toEqual(before);

    await h.act("alice", request.id, "decommission");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("DECOMMISSIONED");
    // Turning MSK multi-VPC connectivity off is itself a broker update that finishes a little later.
    await eventually(async () => JSON.stringify(await snapshot(h.env)) === JSON.stringify(before), 10_000).catch(() => undefined);
    expect(await snapshot(h.env)).toEqual(before);

    const actions = (await h.prisma.auditEvent.findMany({ where: { requestId: request.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["request.start-provisioning", "step.start", "step.succeed", "request.activate", "step.undo", "request.finish-decommission"]));
  });
});

describe("teardown touches only what the request created", () => {
  const CROSS_VPC: ClientLocation = { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000002", securityGroupIds: ["sg-0aaa0000000000011"] };
  const CROSS_ACCOUNT: ClientLocation = { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] };

  it("leaves alone a peering, a route and an SG rule that existed before the request", async () => {
    const ec2 = h.env.access.ec2("111111111111", "us-east-1");
    const peering = await ec2.send(new CreateVpcPeeringConnectionCommand({ VpcId: "vpc-0aaa0000000000001", PeerVpcId: "vpc-0aaa0000000000002" }));
    const pcx = peering.VpcPeeringConnection?.VpcPeeringConnectionId ?? "";
    await eventually(async () => {
      const out = await ec2.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [pcx] }));
      return out.VpcPeeringConnections?.[0]?.Status?.Code === "pending-acceptance";
    });
    await ec2.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    await eventually(async () => {
      const out = await ec2.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [pcx] }));
      return out.VpcPeeringConnections?.[0]?.Status?.Code === "active";
    });
    await ec2.send(new CreateRouteCommand({ RouteTableId: "rtb-0aaa0000000000011", DestinationCidrBlock: "10.0.0.0/16", VpcPeeringConnectionId: pcx }));
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: "sg-0aaa0000000000001",
        IpPermissions: [{ IpProtocol: "tcp", FromPort: 9098, ToPort: 9098, UserIdGroupPairs: [{ GroupId: "sg-0aaa0000000000011" }] }],
      }),
    );
    const before = await snapshot(h.env);

    const request = await h.file("alice", CROSS_VPC);
    const plan = (await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).plan as { plan: { reuses: string[]; steps: { kind: string }[] } };
    expect(plan.plan.reuses).toEqual(expect.arrayContaining([pcx, `rtb-0aaa0000000000011|10.0.0.0/16`]));
    expect(plan.plan.steps.map((s) => s.kind)).not.toContain("create-peering");
    expect(plan.plan.steps.map((s) => s.kind)).not.toContain("authorize-sg-ingress");
    await h.act("bob", request.id, "approve");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("ACTIVE");
    await h.act("alice", request.id, "decommission");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("DECOMMISSIONED");
    expect(await snapshot(h.env)).toEqual(before);
  });

  it("keeps a peering and routes another active request relies on, and removes them with the last one", async () => {
    const before = await snapshot(h.env);
    const first = await h.file("alice", CROSS_ACCOUNT);
    await h.act("bob", first.id, "approve");
    await h.run(first.id);
    expect(await h.status(first.id)).toBe("ACTIVE");

    const second = await h.file("alice", CROSS_ACCOUNT, { authModes: ["scram"] });
    const secondPlan = (await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: second.id } })).plan as { plan: { steps: { kind: string }[] } };
    expect(secondPlan.plan.steps.map((s) => s.kind)).toEqual(["authorize-sg-ingress"]);
    await h.act("bob", second.id, "approve");
    await h.run(second.id);
    expect(await h.status(second.id)).toBe("ACTIVE");

    await h.act("alice", first.id, "decommission");
    await h.run(first.id);
    expect(await h.status(first.id)).toBe("DECOMMISSIONED");
    const kept = await h.prisma.planStep.findMany({ where: { requestId: first.id, status: "SKIPPED" } });
    expect(kept.map((s) => stepKindColumn.fromDb(s.kind)).sort()).toEqual(expect.arrayContaining(["create-peering", "create-route"]));
    // The ended maker's claims on what it kept stay open, marked kept: the peering still has its maker, and
    // the kept claim is not a use of it (the second request's teardown must not keep it for the first).
    const keptClaims = await h.prisma.resourceClaim.findMany({ where: { requestId: first.id, releasedAt: null } });
    expect(keptClaims.length).toBeGreaterThan(0);
    expect(keptClaims.every((c) => c.kind === "CREATED" && c.keptAt !== null)).toBe(true);
    expect(keptClaims.map((c) => c.resource)).toEqual(expect.arrayContaining([expect.stringMatching(/^pcx-/)]));
    expect(await checkDrift(second.id, await h.deps())).toEqual([]);

    await h.act("alice", second.id, "decommission");
    await h.run(second.id);
    expect(await h.status(second.id)).toBe("DECOMMISSIONED");
    await eventually(async () => JSON.stringify(await snapshot(h.env)) === JSON.stringify(before), 10_000).catch(() => undefined);
    expect(await snapshot(h.env)).toEqual(before);
    const released = await h.prisma.auditEvent.count({ where: { requestId: first.id, action: "step.release" } });
    expect(released).toBeGreaterThan(0);
    expect(await h.prisma.resourceClaim.count({ where: { requestId: { in: [first.id, second.id] }, releasedAt: null } })).toBe(0);
  });
});

describe("two requests for the same client VPC planned before either ran", () => {
  it("run side by side into one peering, and tear down without cutting each other off", async () => {
    const client: ClientLocation = { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] };
    const before = await snapshot(h.env);
    const first = await h.file("alice", client);
    const second = await h.file("alice", client, { authModes: ["scram"] });
    await h.act("bob", first.id, "approve");
    await h.act("bob", second.id, "approve");
    await Promise.all([h.run(first.id), h.run(second.id)]);
    expect([await h.status(first.id), await h.status(second.id)]).toEqual(["ACTIVE", "ACTIVE"]);
    const during = await snapshot(h.env);
    expect(during.peerings.filter((p) => p.includes("vpc-0bbb0000000000001"))).toHaveLength(1);
    // Whichever ran first made the peering; the other found it in place and must hold it too.
    const peeringClaims = await h.prisma.resourceClaim.findMany({
      where: { requestId: { in: [first.id, second.id] }, stepKey: "create-peering", releasedAt: null },
      select: { kind: true },
    });
    expect(peeringClaims.map((c) => c.kind).sort()).toEqual(["CREATED", "RELIED_ON"]);

    await h.act("alice", first.id, "decommission");
    await h.run(first.id);
    expect(await checkDrift(second.id, await h.deps())).toEqual([]);
    await h.act("alice", second.id, "decommission");
    await h.run(second.id);
    await eventually(async () => JSON.stringify(await snapshot(h.env)) === JSON.stringify(before), 10_000).catch(() => undefined);
    expect(await snapshot(h.env)).toEqual(before);
  });
});

describe("two on-premises requests share the MSK VPC's TGW attachment", () => {
  it("keeps the attachment, its association and propagation for the second, and removes them with it", async () => {
    const before = await snapshot(h.env);
    const first = await h.file("alice", { type: "on-prem", cidrs: ["192.168.10.0/24"] });
    await h.act("bob", first.id, "approve");
    await h.run(first.id);
    expect(await h.status(first.id)).toBe("ACTIVE");

    const second = await h.file("alice", { type: "on-prem", cidrs: ["172.16.5.0/24"] });
    const plan = (await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: second.id } })).plan as { plan: { steps: { kind: string }[] } };
    const kinds = plan.plan.steps.map((s) => s.kind);
    expect(kinds).not.toContain("attach-vpc-to-tgw");
    expect(kinds).not.toContain("enable-tgw-propagation");
    await h.act("bob", second.id, "approve");
    await h.run(second.id);
    expect(await h.status(second.id)).toBe("ACTIVE");

    await h.act("alice", first.id, "decommission");
    await h.run(first.id);
    expect(await h.status(first.id)).toBe("DECOMMISSIONED");
    expect(await checkDrift(second.id, await h.deps())).toEqual([]);
    // The first request took the attachment off the TGW's default table; its teardown keeps it off for the second.
    const shared = await snapshot(h.env);
    expect(shared.attachments).toContain("vpc vpc-0aaa0000000000001 available tgw-rtb-0ccc0000000000002");
    expect(shared.propagations["tgw-rtb-0ccc0000000000003"]).toEqual([]);

    await h.act("alice", second.id, "decommission");
    await h.run(second.id);
    expect(await h.status(second.id)).toBe("DECOMMISSIONED");
    await eventually(async () => JSON.stringify(await snapshot(h.env)) === JSON.stringify(before), 10_000).catch(() => undefined);
    expect(await snapshot(h.env)).toEqual(before);
  });
});

describe("drift", () => {
  it("finds what was removed behind the portal's back, records it, and clears when it is back", async () => {
    const client: ClientLocation = { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000002", securityGroupIds: ["sg-0aaa0000000000011"] };
    const request = await h.file("alice", client);
    await h.act("bob", request.id, "approve");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("ACTIVE");
    const route = await h.prisma.planStep.findFirstOrThrow({ where: { requestId: request.id, kind: stepKindColumn.toDb("create-route"), accountId: "111111111111" }, orderBy: { position: "asc" } });
    const { RouteTableId, DestinationCidrBlock } = route.input as { RouteTableId: string; DestinationCidrBlock: string };
    const ec2 = h.env.access.ec2("111111111111", "us-east-1");
    const table = await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [RouteTableId] }));
    const target = table.RouteTables?.[0]?.Routes?.find((r) => r.DestinationCidrBlock === DestinationCidrBlock)?.VpcPeeringConnectionId;
    await ec2.send(new DeleteRouteCommand({ RouteTableId, DestinationCidrBlock }));

    const alice = h.person("alice");
    const problems = await checkDrift(request.id, await h.deps(), { kind: "user", userId: alice.id, label: alice.email });
    // The route's own check, and AWS's path analysis naming the same table.
    expect(problems.map((p) => p.step)).toEqual([route.key, "path-analysis"]);
    // Only the broker in the subnet whose table lost its route back.
    expect(problems[1]?.problem).toBe("Reachability Analyzer: port 9098 to broker 1: no path (NO_ROUTE_TO_DESTINATION)");
    const saved = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(saved.drift).toEqual(problems);
    const detected = { requestId: request.id, action: "request.drift-detected" };
    expect((await h.prisma.auditEvent.findMany({ where: detected })).map((e) => e.actorLabel)).toEqual([alice.email]);

    // Checking again while nothing changed records when it was checked, not another finding.
    expect(await checkDrift(request.id, await h.deps())).toEqual(problems);
    expect(await h.prisma.auditEvent.count({ where: detected })).toBe(1);
    const rechecked = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(rechecked.driftCheckedAt?.getTime()).toBeGreaterThan(saved.driftCheckedAt?.getTime() ?? Infinity);

    await ec2.send(new CreateRouteCommand({ RouteTableId, DestinationCidrBlock, VpcPeeringConnectionId: target }));
    expect(await checkDrift(request.id, await h.deps())).toEqual([]);
    expect((await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).drift).toBeNull();
    expect(await h.prisma.auditEvent.count({ where: { requestId: request.id, action: "request.drift-cleared" } })).toBe(1);

    await h.act("alice", request.id, "decommission");
    await h.run(request.id);
  });

  it("grants in the IAM policy only the topics and groups asked for, and keeps them on re-planning", async () => {
    const [, client] = SCENARIOS[3]!;
    const topicAccess = { readTopics: ["orders"], writeTopics: [], consumerGroups: ["orders-reader"] };
    const request = await h.fileWith("alice", client, { topicAccess });
    const resources = async () => {
      const row = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
      const policy = (row.plan as { plan: { iamPolicy: { Statement: { Resource: string | string[] }[] } } }).plan.iamPolicy;
      return policy.Statement.flatMap((st) => [st.Resource].flat()).filter((r) => /:(topic|group)\//.test(r));
    };
    const expected = [expect.stringMatching(/:topic\/orders-prod\/[^/]+\/orders$/), expect.stringMatching(/:group\/orders-prod\/[^/]+\/orders-reader$/)];
    expect(await resources()).toEqual(expected);
    await replanRequest(h.person("alice"), request.id);
    expect(await resources()).toEqual(expected);

    // A stored topic list that no longer reads never becomes "every topic": the re-plan stops, naming the row.
    await h.prisma.accessRequest.update({ where: { id: request.id }, data: { topicAccess: { readTopics: "orders", writeTopics: [], consumerGroups: [] } } });
    await expect(replanRequest(h.person("alice"), request.id)).rejects.toThrow(`AccessRequest.topicAccess of row ${request.id} cannot be read`);
    expect(await resources()).toEqual(expected);
    await h.act("alice", request.id, "cancel");
  });
});

// The plan and the Active request tell the client by one rule: filed as ["scram", "iam"], both say IAM.
describe("what the client is told", () => {
  it("is the same bootstrap string in the plan and once Active", async () => {
    const [, client] = SCENARIOS[3]!;
    const request = await h.file("alice", client, { authModes: ["scram", "iam"] });
    await h.act("bob", request.id, "approve");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("ACTIVE");
    const row = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
    const planned = (row.plan as { plan: { bootstrap: string | null } }).plan.bootstrap;
    expect(planned).toMatch(/:9098/);
    expect((row.connection as { bootstrap: string | null }).bootstrap).toBe(planned);
    await h.act("alice", request.id, "decommission");
    await h.run(request.id);
  });
});
