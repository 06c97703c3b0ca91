import { DeleteRouteCommand, DeleteVpcPeeringConnectionCommand, DescribeRouteTablesCommand, ModifyVpcPeeringConnectionOptionsCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { snapshot } from "@/lib/aws/steps/testing/sandbox-state";
import { stepKindColumn } from "@/lib/db/enums/domain-enums";
import type { ClientLocation } from "@/lib/domain/request-input";

import { checkDrift } from "./check-drift";
import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
});
afterAll(() => h?.close());

const CLUSTER = { account: "111111111111", region: "us-east-1" };
const CROSS_ACCOUNT: ClientLocation = { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] };
// The account's own engineers, not the portal: the sandbox's unrestricted role in every account.
const engineers = () => h.env.accessWith({ roleNameOrArn: () => "OrganizationAccountAccessRole", externalId: () => undefined });

async function activeRequest(client: ClientLocation, extra: Parameters<ProvisioningHarness["file"]>[2] = {}) {
  const request = await h.file("alice", client, extra);
  await h.act("bob", request.id, "approve");
  await h.run(request.id);
  expect(await h.status(request.id)).toBe("ACTIVE");
  return request.id;
}

const stepOf = (requestId: string, kind: Parameters<typeof stepKindColumn.toDb>[0]) =>
  h.prisma.planStep.findFirstOrThrow({ where: { requestId, kind: stepKindColumn.toDb(kind) }, orderBy: { position: "asc" } });

describe("re-applying a drifted connection", () => {
  it("runs the drifted steps and what depends on them again, verifies, and is active with no drift; only operators may", async () => {
    const id = await activeRequest(CROSS_ACCOUNT);
    const inPlace = await snapshot(h.env);
    const peeringStep = await stepOf(id, "create-peering");
    const pcx = (peeringStep.outputs as Record<string, string>).VpcPeeringConnectionId ?? "";
    const routeStep = await stepOf(id, "create-route");
    const route = routeStep.input as { RouteTableId: string; DestinationCidrBlock: string };
    // Someone deletes one of its routes by hand.
    await engineers().ec2(routeStep.accountId, routeStep.region).send(new DeleteRouteCommand(route));
    const deps = await h.deps();
    const problems = await checkDrift(id, deps);
    expect(problems.map((p) => p.step)).toContain(routeStep.key);

    await expect(h.act("alice", id, "reapply")).rejects.toThrow(/Only operators/);
    expect(await h.act("bob", id, "reapply")).toMatchObject({ status: "APPROVED" });
    const audit = await h.prisma.auditEvent.findFirstOrThrow({ where: { requestId: id, action: "request.reapply" } });
    expect(audit).toMatchObject({ actorLabel: "bob@example.com", details: expect.objectContaining({ from: "ACTIVE", to: "APPROVED", steps: [routeStep.key] }) });
    await h.run(id);

    expect(await h.status(id)).toBe("ACTIVE");
    const after = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id } });
    expect(after.drift).toBeNull();
    const tables = await engineers().ec2(routeStep.accountId, routeStep.region).send(new DescribeRouteTablesCommand({ RouteTableIds: [route.RouteTableId] }));
    expect(tables.RouteTables?.[0]?.Routes?.find((r) => r.DestinationCidrBlock === route.DestinationCidrBlock)).toMatchObject({ VpcPeeringConnectionId: pcx, State: "active" });
    expect(await snapshot(h.env)).toEqual(inPlace);
    // Nothing drifted any more: nothing to re-apply.
    await expect(h.act("bob", id, "reapply")).rejects.toThrow(/Only a connection whose last check found its own changes/);
    await h.act("alice", id, "decommission");
    await h.run(id);
  });

  it("makes a deleted peering again and points its routes and DNS option at the new one", async () => {
    const id = await activeRequest(CROSS_ACCOUNT, { authModes: ["scram"] });
    const peeringStep = await stepOf(id, "create-peering");
    const old = (peeringStep.outputs as Record<string, string>).VpcPeeringConnectionId ?? "";
    await engineers().ec2(CLUSTER.account, CLUSTER.region).send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: old }));
    const deps = await h.deps();
    expect((await checkDrift(id, deps)).map((p) => p.step)).toContain(peeringStep.key);

    await h.act("bob", id, "reapply");
    const again = (await h.prisma.auditEvent.findFirstOrThrow({ where: { requestId: id, action: "request.reapply" } })).details as { steps: string[] };
    const steps = await h.prisma.planStep.findMany({ where: { requestId: id }, orderBy: { position: "asc" } });
    // The peering, and everything after it that names it, run again; rules that do not depend on it stay.
    expect(again.steps[0]).toBe(peeringStep.key);
    expect(again.steps).toEqual(expect.arrayContaining(steps.filter((s) => ["accept-peering", "create-route"].includes(stepKindColumn.fromDb(s.kind))).map((s) => s.key)));
    await h.run(id);

    const failed = await h.prisma.auditEvent.findMany({ where: { requestId: id, action: { in: ["request.fail", "step.fail"] } } });
    expect(failed.map((e) => JSON.stringify(e.details))).toEqual([]);
    expect(await h.status(id)).toBe("ACTIVE");
    const fresh = ((await stepOf(id, "create-peering")).outputs as Record<string, string>).VpcPeeringConnectionId ?? "";
    expect(fresh).toMatch(/^pcx-/);
    expect(fresh).not.toBe(old);
    expect((await h.prisma.accessRequest.findUniqueOrThrow({ where: { id } })).drift).toBeNull();
    // Decommissioning afterwards removes the new peering, not the deleted one.
    await h.act("alice", id, "decommission");
    await h.run(id);
    expect(await h.status(id)).toBe("DECOMMISSIONED");
  });

  it("refuses when only what the request relies on drifted: that is not its own to make again", async () => {
    const first = await activeRequest(CROSS_ACCOUNT);
    const second = await activeRequest(CROSS_ACCOUNT, { authModes: ["tls"] });
    const pcx = ((await stepOf(first, "create-peering")).outputs as Record<string, string>).VpcPeeringConnectionId ?? "";
    await engineers()
      .ec2(CLUSTER.account, CLUSTER.region)
      .send(new ModifyVpcPeeringConnectionOptionsCommand({ VpcPeeringConnectionId: pcx, RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: false } }));
    const problems = await checkDrift(second, await h.deps());
    expect(problems.map((p) => p.step)).toEqual(["relied-on"]);
    await expect(h.act("bob", second, "reapply")).rejects.toThrow(/nothing it relies on off/);
    await engineers()
      .ec2(CLUSTER.account, CLUSTER.region)
      .send(new ModifyVpcPeeringConnectionOptionsCommand({ VpcPeeringConnectionId: pcx, RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true } }));
  });
});
