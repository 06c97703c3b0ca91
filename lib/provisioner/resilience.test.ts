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
const ON_PREM: ClientLocation = { type: "on-prem", cidrs: ["192.168.10.0/24"] };

// Ids the sandbox generates differ from run to run; what must match is what exists and how it is wired.
async function shape(): Promise<string> {
  return JSON.stringify(await snapshot(h.env)).replace(/-0f[0-9a-f]{15}/g, "-<generated>").replace(/resource-share\/[0-9a-f-]+/g, "resource-share/<generated>");
}

async function settle(before: string) {
  await eventually(async () => (await shape()) === before, 10_000).catch(() => undefined);
  expect(await shape()).toEqual(before);
}

async function provisionAndRemove(client: ClientLocation, options: { faults?: boolean } = {}) {
  const request = await h.file("alice", client);
  await h.act("bob", request.id, "approve");
  if (options.faults) await h.env.control("POST", "/_sandbox/faults", { rate: 0.2, kinds: ["throttle", "5xx"] });
  await h.run(request.id);
  expect(await h.status(request.id)).toBe("ACTIVE");
  const active = await shape();
  await h.act("alice", request.id, "decommission");
  await h.run(request.id);
  expect(await h.status(request.id)).toBe("DECOMMISSIONED");
  return { request, active };
}

describe("with 20% throttling and 5xx injected", () => {
  it.each([
    ["cross-account", CROSS_ACCOUNT],
    ["on-prem", ON_PREM],
  ])("%s still converges, with every resource once, and tears down cleanly", async (_name, client) => {
    const before = await shape();
    const clean = await provisionAndRemove(client);
    await settle(before);
    const faulty = await provisionAndRemove(client, { faults: true });
    expect(faulty.active).toEqual(clean.active);
    const retries = await h.prisma.auditEvent.count({ where: { requestId: faulty.request.id, action: "step.retry" } });
    const sdkRetried = (await h.env.calls()).some((c) => c.errorCode === "RequestLimitExceeded" || c.status >= 500);
    expect(retries > 0 || sdkRetried).toBe(true);
    await settle(before);
  });
});

describe("a worker dying at a step boundary", () => {
  it.each([
    ["cross-account", CROSS_ACCOUNT],
    ["on-prem", ON_PREM],
  ])("%s: a new run finishes every time with no duplicates and no orphans", async (_name, client) => {
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
      await h.act("alice", request.id, "decommission");
      await h.run(request.id);
      await settle(before);
    }
  });
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
