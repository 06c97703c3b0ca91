import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { snapshot } from "@/lib/aws/steps/testing/sandbox-state";
import { eventually } from "@/lib/aws/testing/eventually";
import type { ClientLocation } from "@/lib/domain/request-input";

import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";

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
