import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PORTAL_KEYS } from "@/lib/aws/testing/sandbox-access";
import { eventually } from "@/lib/aws/testing/eventually";
import type { ClientLocation } from "@/lib/domain/request-input";

import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
});
afterAll(() => h?.close());

// A real `npm run worker` process, talking to this test's database and sandbox. Node itself runs the worker
// (tsx only as a loader), so a signal reaches the worker and not a wrapper that would leave it running.
function startWorkerProcess(): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.resolve("scripts/worker.ts")], {
    env: {
      ...process.env,
      AWS_ENDPOINT_URL: h.env.sandbox.url,
      AWS_ACCESS_KEY_ID: PORTAL_KEYS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: PORTAL_KEYS.secretAccessKey,
      PROVISIONER_CONCURRENCY: "1",
    },
    stdio: "ignore",
  });
}

const CROSS_ACCOUNT: ClientLocation = { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] };

describe("a worker process killed in the middle of a plan", () => {
  it("is replaced by another that finishes the plan with every resource once", async () => {
    const request = await h.file("alice", CROSS_ACCOUNT);
    await h.act("bob", request.id, "approve");
    const steps = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
    const planned = (steps.plan as { plan: { steps: unknown[] } }).plan.steps.length;

    const first = startWorkerProcess();
    await eventually(async () => (await h.prisma.auditEvent.count({ where: { requestId: request.id, action: "step.succeed" } })) >= 2, 60_000);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    expect(await h.status(request.id)).not.toBe("ACTIVE");

    const second = startWorkerProcess();
    try {
      await eventually(async () => (await h.status(request.id)) === "ACTIVE", 60_000);
    } finally {
      second.kill("SIGTERM");
      await new Promise((resolve) => second.once("exit", resolve));
    }
    expect(await h.prisma.auditEvent.count({ where: { requestId: request.id, action: "step.succeed" } })).toBe(planned);
    const state = (await h.env.control("GET", "/_sandbox/state")) as { accounts: Record<string, { regions: Record<string, { vpcPeeringConnections?: { status: string }[] }> }> };
    const live = Object.values(state.accounts)
      .flatMap((a) => Object.values(a.regions))
      .flatMap((r) => r.vpcPeeringConnections ?? [])
      .filter((p) => p.status === "active");
    expect(live).toHaveLength(1);

    await h.act("alice", request.id, "decommission");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("DECOMMISSIONED");
  }, 150_000);
});
