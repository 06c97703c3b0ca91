import { DeleteRouteCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { stepKindColumn } from "@/lib/db/enums/domain-enums";
import { createToken } from "@/lib/db/tokens/create-token";
import { metricsRefusal } from "@/lib/ops/metrics/metrics-access";
import { checkDrift } from "@/lib/provisioner/check-drift";
import { openProvisioningQueue, type ProvisioningQueue } from "@/lib/provisioner/queue";
import { startProvisioningHarness, type ProvisioningHarness } from "@/lib/provisioner/testing/provisioning-harness";

// Auth.js's session lives in a cookie only a Next request has; the API call below uses a real bearer token.
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(null) }));

const METRICS_TOKEN = "scrape-token-for-the-metrics-test";
process.env.METRICS_TOKEN = METRICS_TOKEN;
const { GET } = await import("./route");
const requestsApi = await import("../v1/requests/route");

let h: ProvisioningHarness;
let queue: ProvisioningQueue;
beforeAll(async () => {
  h = await startProvisioningHarness();
  queue = await openProvisioningQueue(process.env.DATABASE_URL ?? "");
});
afterAll(async () => {
  await queue?.stop();
  await h?.close();
});

const scrape = (authorization?: string) =>
  GET(new Request("http://portal.test/api/metrics", authorization ? { headers: { authorization } } : {}));

describe("GET /api/metrics", () => {
  it("refuses a scrape without the configured token, and says how to turn metrics on when none is set", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer not-the-token-at-all")).status).toBe(401);
    const off = metricsRefusal(undefined, `Bearer ${METRICS_TOKEN}`);
    expect(off?.status).toBe(404);
    expect(await off?.text()).toContain("METRICS_TOKEN");
  });

  it("reports requests, steps, AWS calls, the queue and drift after a request was provisioned", async () => {
    const request = await h.file("alice", { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000002", securityGroupIds: ["sg-0aaa0000000000011"] });
    await h.act("bob", request.id, "approve");
    await queue.enqueue(request.id);
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("ACTIVE");

    const token = (await createToken(h.prisma, h.person("alice"), "metrics test")).token;
    const listed = await requestsApi.GET(new Request("http://portal.test/api/v1/requests", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    expect(listed.status).toBe(200);

    const routeStep = await h.prisma.planStep.findFirstOrThrow({ where: { requestId: request.id, kind: stepKindColumn.toDb("create-route") } });
    const route = routeStep.input as { RouteTableId: string; DestinationCidrBlock: string };
    const engineers = h.env.accessWith({ roleNameOrArn: () => "OrganizationAccountAccessRole", externalId: () => undefined });
    await engineers.ec2(routeStep.accountId, routeStep.region).send(new DeleteRouteCommand(route));
    expect(await checkDrift(request.id, await h.deps())).not.toEqual([]);

    const response = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain('portal_access_requests{status="ACTIVE"} 1');
    expect(text).toMatch(/portal_step_duration_seconds_count\{kind="create-route",outcome="succeeded"\} [1-9]/);
    expect(text).toMatch(/portal_aws_calls_total\{service="ec2",operation="CreateRoute",error_code=""\} [1-9]/);
    expect(text).toMatch(/portal_aws_calls_total\{service="sts",operation="AssumeRole",error_code=""\} [1-9]/);
    expect(text).toMatch(/portal_queue_jobs_waiting\{queue="provision"\} 1/);
    expect(text).toMatch(/portal_queue_oldest_job_age_seconds\{queue="provision"\} [0-9.]+/);
    expect(text).toContain('portal_drift_findings_total{result="drifted"} 1');
  });
});
