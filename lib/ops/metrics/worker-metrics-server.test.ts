import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startSeededTestDatabase } from "@/lib/db/testing/seeded-test-database";
import { portalMetrics } from "@/lib/metrics/portal-metrics";

import { startWorkerMetricsServer, type WorkerMetricsServer } from "./worker-metrics-server";

const TOKEN = "scrape-token-for-the-worker-test";

let database: Awaited<ReturnType<typeof startSeededTestDatabase>>;
let server: WorkerMetricsServer;
beforeAll(async () => {
  database = await startSeededTestDatabase();
  server = await startWorkerMetricsServer({ host: "127.0.0.1", port: 0, token: TOKEN });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const scrape = (init: RequestInit = {}, url = server.url) => fetch(url, init);
const withToken = { headers: { authorization: `Bearer ${TOKEN}` } };

describe("the worker's metrics listener", () => {
  it("serves this process's counters and the database's gauges to a scrape with METRICS_TOKEN", async () => {
    // What a worker's step runner and AWS clients record, in the registry the listener serves.
    portalMetrics().awsCalls.inc({ service: "ec2", operation: "CreateRoute", error_code: "" });
    portalMetrics().stepDuration.observe({ kind: "create-route", outcome: "succeeded" }, 0.4);

    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const response = await scrape(withToken);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text).toContain('portal_aws_calls_total{service="ec2",operation="CreateRoute",error_code=""} 1');
    expect(text).toContain('portal_step_duration_seconds_count{kind="create-route",outcome="succeeded"} 1');
    expect(text).toMatch(/portal_access_requests\{status="[A-Z_]+"\} \d+/);
  });

  it("refuses a scrape without the token, and answers only GET /metrics", async () => {
    const anonymous = await scrape();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe("Bearer");
    expect((await scrape({ headers: { authorization: "Bearer not-the-token-at-all" } })).status).toBe(401);
    expect((await scrape(withToken, server.url.replace("/metrics", "/"))).status).toBe(404);
    expect((await scrape({ ...withToken, method: "POST" })).status).toBe(405);
  });
});
