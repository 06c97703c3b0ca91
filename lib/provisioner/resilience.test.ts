import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { snapshot } from "@/lib/aws/steps/testing/sandbox-state";
import { eventually } from "@/lib/aws/testing/eventually";
import type { ClientLocation } from "@/lib/domain/request-input";

import { withRequestLease } from "./request-lease";
import { runRequest } from "./run-request";
import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";
import { startWorker } from "./worker";

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
});
afterAll(() => h?.close());
afterEach(() => h.env.control("DELETE", "/_sandbox/faults"));

const CROSS_ACCOUNT: ClientLocation = { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] };

const SCENARIOS: [string, ClientLocation][] = [
  ["same-vpc", { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000001", securityGroupIds: ["sg-0aaa0000000000002"] }],
  ["cross-vpc", { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000002", securityGroupIds: ["sg-0aaa0000000000011"] }],
  ["cross-region", { type: "aws-vpc", accountId: "111111111111", region: "us-west-2", vpcId: "vpc-0aaa0000000000003", securityGroupIds: ["sg-0aaa0000000000021"] }],
  ["cross-account", CROSS_ACCOUNT],
  ["on-prem", { type: "on-prem", cidrs: ["192.168.10.0/24"] }],
  ["saas", { type: "saas", accountId: "444444444444", providerName: "StreamCo" }],
];

// Ids the sandbox generates differ from run to run; what must match is what exists and how it is wired.
async function shape(): Promise<string> {
  return JSON.stringify(await snapshot(h.env)).replace(/-0f[0-9a-f]{15}/g, "-<generated>").replace(/resource-share\/[0-9a-f-]+/g, "resource-share/<generated>");
}

// Each case runs a whole plan many times (once per step boundary, or once clean and once under faults): on a
// busy 2-core machine that takes longer than the suite's default per-test limit, which is a hang guard only.
const WHOLE_PLAN_RUNS_TIMEOUT = 120_000;

async function settle(before: string) {
  await eventually(async () => (await shape()) === before, 10_000).catch(() => undefined);
  expect(await shape()).toEqual(before);
}

async function provisionAndRemove(client: ClientLocation, options: { faults?: boolean } = {}) {
  const request = await h.file("alice", client);
  await h.act("bob", request.id, "approve");
  if (options.faults) {
    await h.env.control("POST", "/_sandbox/faults", { rate: 0.2, kinds: ["throttle", "5xx"] });
    // Only what runs under the faults counts: filing's discovery and preflight ran before they were on.
    await h.env.clearCalls();
  }
  await h.run(request.id);
  expect(await h.status(request.id)).toBe("ACTIVE");
  const active = await shape();
  await h.act("alice", request.id, "decommission");
  await h.run(request.id);
  expect(await h.status(request.id)).toBe("DECOMMISSIONED");
  return { request, active };
}

describe("with 20% throttling and 5xx injected", () => {
  // Per scenario: calls made while faults were on, and how many of them the sandbox failed.
  const seen = { calls: 0, faulted: 0 };

  it.each(SCENARIOS)("%s still converges, with every resource once, and tears down cleanly", async (_name, client) => {
    const before = await shape();
    const clean = await provisionAndRemove(client);
    await settle(before);
    const faulty = await provisionAndRemove(client, { faults: true });
    expect(faulty.active).toEqual(clean.active);
    const calls = await h.env.calls();
    seen.calls += calls.length;
    seen.faulted += calls.filter((c) => c.status === 429 || c.status >= 500).length;
    await settle(before);
  }, WHOLE_PLAN_RUNS_TIMEOUT);

  // A small plan may by chance meet no fault; over all six the injected rate must show.
  it("really met the faults: at least a tenth of the calls failed and were retried", () => {
    expect(seen.calls).toBeGreaterThan(50);
    expect(seen.faulted / seen.calls).toBeGreaterThan(0.1);
  });
});

// Every id a step recorded as created, and not held by a claim of its request: a crash must never leave one.
async function unclaimedCreations(requestId: string): Promise<string[]> {
  const steps = await h.prisma.planStep.findMany({ where: { requestId } });
  const claims = await h.prisma.resourceClaim.findMany({ where: { requestId, kind: "CREATED", releasedAt: null } });
  const created = steps.flatMap((s) => (Array.isArray(s.createdResources) ? s.createdResources : []).map((c) => (c as { id: string }).id));
  expect(created.length).toBeGreaterThan(0);
  return created.filter((id) => !claims.some((c) => c.resource === id));
}

describe("a worker dying at a step boundary", () => {
  it.each(SCENARIOS)("%s: a new run finishes every time with no duplicates and no orphans", async (_name, client) => {
    const before = await shape();
    const reference = await provisionAndRemove(client);
    await settle(before);
    const boundaries = (await h.prisma.planStep.count({ where: { requestId: reference.request.id } })) * 2;
    for (let crashAt = 1; crashAt <= boundaries; crashAt++) {
      const request = await h.file("alice", client);
      await h.act("bob", request.id, "approve");
      let seen = 0;
      const dying = await h.deps();
      dying.atBoundary = () => {
        seen += 1;
        if (seen === crashAt) throw new Error("worker died");
      };
      await expect(runRequest(request.id, dying)).rejects.toThrow("worker died");
      await h.run(request.id);
      expect(await h.status(request.id)).toBe("ACTIVE");
      expect(await shape()).toEqual(reference.active);
      expect(await unclaimedCreations(request.id)).toEqual([]);
      await h.act("alice", request.id, "decommission");
      await h.run(request.id);
      expect(await h.prisma.resourceClaim.count({ where: { requestId: request.id, releasedAt: null } })).toBe(0);
      await settle(before);
    }
  }, WHOLE_PLAN_RUNS_TIMEOUT);
});

describe("races", () => {
  it("20 runs of one approved request at once execute it once", async () => {
    const before = await shape();
    const request = await h.file("alice", CROSS_ACCOUNT);
    await h.act("bob", request.id, "approve");
    const deps = await h.deps();
    const databaseUrl = process.env.DATABASE_URL ?? "";
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => withRequestLease(databaseUrl, request.id, () => runRequest(request.id, deps))));
    expect(await h.status(request.id)).toBe("ACTIVE");
    expect(outcomes.filter((o) => o.ran).length).toBeGreaterThanOrEqual(1);
    expect(await h.prisma.auditEvent.count({ where: { requestId: request.id, action: "request.start-provisioning" } })).toBe(1);
    expect(await h.prisma.auditEvent.count({ where: { requestId: request.id, action: "step.succeed" } })).toBe(
      await h.prisma.planStep.count({ where: { requestId: request.id } }),
    );
    await h.act("alice", request.id, "decommission");
    await h.run(request.id);
    await settle(before);
  });

  it("two workers over 50 approved requests run each exactly once", async () => {
    const same: ClientLocation = { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000001", securityGroupIds: ["sg-0aaa0000000000002"] };
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const request = await h.file("alice", same);
      await h.act("bob", request.id, "approve");
      ids.push(request.id);
    }
    const databaseUrl = process.env.DATABASE_URL ?? "";
    const limits = { baseDelayMs: 5, maxDelayMs: 60, pollMs: 5 };
    const workers = await Promise.all([0, 1].map(() => startWorker({ databaseUrl, concurrency: 2, limits, sweepEveryMs: 500, driftCron: null, log: () => undefined })));
    try {
      await eventually(async () => (await h.prisma.accessRequest.count({ where: { id: { in: ids }, status: "ACTIVE" } })) === 50, 60_000);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    const starts = await h.prisma.auditEvent.groupBy({ by: ["requestId"], where: { requestId: { in: ids }, action: "request.start-provisioning" }, _count: true });
    expect(starts).toHaveLength(50);
    expect(starts.every((s) => s._count === 1)).toBe(true);
  }, 90_000);
});
