import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { formatEndDate } from "@/lib/domain/expiry/end-date";
import type { ClientLocation } from "@/lib/domain/request-input";
import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";

import { fileRequest } from "../plan-requests";
import { EXPIRY_QUEUE } from "../queue";
import { FAST_LIMITS, startProvisioningHarness, type ProvisioningHarness } from "../testing/provisioning-harness";
import { startWorker, type Worker } from "../worker";

const SAME_VPC: ClientLocation = { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000001", securityGroupIds: ["sg-0aaa0000000000002"] };

let h: ProvisioningHarness;
let worker: Worker;
beforeAll(async () => {
  h = await startProvisioningHarness();
  worker = await startWorker({ databaseUrl: process.env.DATABASE_URL ?? "", concurrency: 1, limits: FAST_LIMITS, sweepEveryMs: 60_000, driftCron: null, log: () => undefined });
});
afterAll(async () => {
  await worker?.stop();
  await h?.close();
});

describe("the expiry job on the worker's queue", () => {
  it("reminds, and decommissions an ACTIVE connection whose end date has passed, through the provisioning queue", async () => {
    const input = { clusterArn: DEMO_CLUSTERS[0]?.arn ?? "", client: SAME_VPC, authModes: ["iam" as const], environment: "dev" as const, justification: "Expiry job test of the whole connection" };
    const soon = await fileRequest(h.person("alice"), { ...input, endsAt: formatEndDate(new Date(Date.now() + 3 * 24 * 60 * 60 * 1000)) }, { via: "api", fileAnyway: true });
    const ending = await fileRequest(h.person("alice"), { ...input, endsAt: formatEndDate(new Date(Date.now() + 2 * 24 * 60 * 60 * 1000)) }, { via: "api", fileAnyway: true });
    await h.act("bob", ending.id, "approve");
    await h.run(ending.id);
    expect(await h.status(ending.id)).toBe("ACTIVE");
    // Its end date passed a minute ago (the job reads the real clock).
    await h.prisma.accessRequest.update({ where: { id: ending.id }, data: { endsAt: new Date(Date.now() - 60_000) } });

    // What the schedule sends each minute, sent now.
    await worker.queue.boss.send(EXPIRY_QUEUE, {});
    await expect.poll(() => h.status(ending.id), { timeout: 30_000 }).toBe("DECOMMISSIONED");
    const by = await h.prisma.auditEvent.findFirstOrThrow({ where: { requestId: ending.id, action: "request.decommission" } });
    expect(by.actorLabel).toBe("expiry");
    expect(await h.prisma.auditEvent.count({ where: { requestId: soon.id, action: "request.expiry-reminder" } })).toBe(1);
  });
});
