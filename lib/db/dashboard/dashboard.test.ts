import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startSeededTestDatabase } from "../testing/seeded-test-database";
import { insertRequests } from "../testing/bulk-requests";
import type { PrismaClient } from "../prisma-factory";
import { dashboardNow } from "./dashboard-now";
import { dashboardTrends } from "./dashboard-trends";

const NOW = new Date("2026-12-02T12:00:00Z");
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
const at = (iso: string) => new Date(iso);

let database: Awaited<ReturnType<typeof startSeededTestDatabase>>;
let prisma: PrismaClient;
const ids: Record<string, string> = {};

async function events(rows: { requestId?: string; action: string; at: Date; details?: object }[]) {
  await prisma.auditEvent.createMany({ data: rows.map((r) => ({ actorLabel: "provisioner", details: {}, ...r })) });
}

beforeAll(async () => {
  database = await startSeededTestDatabase();
  prisma = database.prisma;
  expect(await prisma.accessRequest.count()).toBe(0);
  const analytics = await prisma.team.findUniqueOrThrow({ where: { slug: "analytics" } });
  const [w1, w2, w3, provisioning, verifying, f1, f2, drifted, active1, active2, old] = await insertRequests(prisma, [
    { status: "SUBMITTED", createdAt: ago(2) },
    { status: "SUBMITTED", createdAt: ago(48) },
    { status: "SUBMITTED", createdAt: ago(240), teamId: analytics.id, scenario: "on_prem", method: "transit_gateway" },
    { status: "PROVISIONING", createdAt: at("2026-11-30T08:00:00Z") },
    { status: "VERIFYING", createdAt: at("2026-11-30T08:00:00Z") },
    { status: "FAILED", createdAt: at("2026-11-24T08:00:00Z"), updatedAt: ago(1) },
    { status: "FAILED", createdAt: at("2026-11-24T08:00:00Z"), updatedAt: ago(5) },
    { status: "ACTIVE", createdAt: at("2026-11-30T10:00:00Z"), decidedAt: at("2026-11-30T11:00:00Z"), drift: [{ step: "create-route", message: "Route is gone" }], driftCheckedAt: ago(1) },
    { status: "ACTIVE", createdAt: at("2026-11-30T09:00:00Z"), decidedAt: at("2026-12-01T09:00:00Z"), endsAt: at("2026-12-05T12:00:00Z") },
    // Ends in 8 days: not "soon" yet.
    { status: "ACTIVE", createdAt: at("2026-11-17T09:00:00Z"), decidedAt: at("2026-11-17T10:00:00Z"), scenario: "saas", method: "multi_vpc_private_connectivity", endsAt: at("2026-12-10T12:00:00Z") },
    // Filed before the weeks shown: counted nowhere in the trends.
    { status: "DECOMMISSIONED", createdAt: at("2026-01-05T09:00:00Z"), decidedAt: at("2026-01-05T10:00:00Z") },
  ]);
  Object.assign(ids, { w1, w2, w3, provisioning, verifying, f1, f2, drifted, active1, active2, old });
  await events([
    { requestId: provisioning, action: "request.approve", at: ago(3) },
    { requestId: verifying, action: "request.approve", at: ago(5) },
    { requestId: verifying, action: "request.retry", at: ago(0.5) },
    { requestId: drifted, action: "request.approve", at: at("2026-11-30T11:00:00Z") },
    { requestId: active1, action: "request.approve", at: at("2026-12-01T09:00:00Z") },
    { requestId: active2, action: "request.approve", at: at("2026-11-17T10:00:00Z") },
    { requestId: drifted, action: "request.activate", at: at("2026-11-30T11:10:00Z") },
    { requestId: active1, action: "request.activate", at: at("2026-12-01T09:30:00Z") },
    { requestId: active2, action: "request.activate", at: at("2026-11-17T10:02:00Z") },
    { requestId: f1, action: "step.fail", at: ago(30), details: { kind: "create-peering", error: "Rate exceeded (RequestLimitExceeded) [request id 9f1c]" } },
    { requestId: f2, action: "step.fail", at: ago(20), details: { kind: "create-peering", error: "Rate exceeded (RequestLimitExceeded)" } },
    { requestId: f2, action: "step.fail", at: ago(10), details: { kind: "attach-vpc-to-tgw", error: "Gave up after 30 minutes waiting: attachment pending" } },
    { requestId: f1, action: "step.fail", at: ago(9), details: { kind: "create-route", error: "connect ECONNREFUSED" } },
    { requestId: old, action: "step.fail", at: at("2026-01-05T09:30:00Z"), details: { kind: "create-route", error: "Old (InvalidRouteTableID.NotFound)" } },
  ]);
});
afterAll(async () => {
  await database?.drop();
});

describe("the dashboard's Now panel", () => {
  it("counts what waits, runs, failed and drifted, oldest waiting and longest running first", async () => {
    const now = await dashboardNow(prisma, NOW);
    expect(now.waiting).toMatchObject({ count: 3, overDay: 2, overWeek: 1 });
    expect(now.waiting.oldest.map((r) => r.id)).toEqual([ids.w3, ids.w2, ids.w1]);
    expect(now.waiting.oldest[0]).toMatchObject({ team: "Analytics", since: ago(240) });
    // The verifying request was retried half an hour ago: its run started then, not at its approval.
    expect(now.inFlight).toMatchObject({ count: 2, overHour: 1 });
    expect(now.inFlight.longest.map((r) => [r.id, r.since.toISOString()])).toEqual([
      [ids.provisioning, ago(3).toISOString()],
      [ids.verifying, ago(0.5).toISOString()],
    ]);
    expect(now.failed.count).toBe(2);
    expect(now.failed.latest.map((r) => r.id)).toEqual([ids.f1, ids.f2]);
    expect(now.drifted).toMatchObject({ count: 1, latest: [{ id: ids.drifted, since: ago(1) }] });
    expect(now.expiring).toMatchObject({ count: 1, soonest: [{ id: ids.active1, since: at("2026-12-05T12:00:00Z") }] });
  });
});

describe("the dashboard's trends", () => {
  it("counts filings per week over the last twelve weeks, zero where none", async () => {
    const trends = await dashboardTrends(prisma, NOW);
    expect(trends.weeks).toHaveLength(12);
    expect(trends.weeks.at(-1)?.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    const filed = Object.fromEntries(trends.filed.filter((w) => w.count).map((w) => [w.week.toISOString().slice(0, 10), w.count]));
    // This week: three filed on Nov 30 plus the two waiting ones of the last 48 hours; the one from 10 days ago is the week of Nov 16.
    expect(filed).toEqual({ "2026-11-16": 2, "2026-11-23": 2, "2026-11-30": 6 });
    expect(trends.filed.reduce((sum, w) => sum + w.count, 0)).toBe(10);
  });

  it("gives p50 and p95 of the time to a decision and from approval to Active, per week", async () => {
    const trends = await dashboardTrends(prisma, NOW);
    const week = (rows: typeof trends.toDecision, iso: string) => rows.find((w) => w.week.toISOString().startsWith(iso));
    // One hour and one day: percentile_cont interpolates between them.
    expect(week(trends.toDecision, "2026-11-30")).toEqual({ week: at("2026-11-30T00:00:00Z"), count: 2, p50: 45_000, p95: 82_260 });
    expect(week(trends.toDecision, "2026-11-16")).toMatchObject({ count: 1, p50: 3600, p95: 3600 });
    expect(week(trends.toDecision, "2026-11-23")).toMatchObject({ count: 0, p50: null, p95: null });
    expect(week(trends.toActive, "2026-11-30")).toMatchObject({ count: 2, p50: 1200, p95: 1740 });
    expect(week(trends.toActive, "2026-11-16")).toMatchObject({ count: 1, p50: 120, p95: 120 });
  });

  it("groups step failures by kind and the AWS error code, and the mix by team, scenario and method", async () => {
    const trends = await dashboardTrends(prisma, NOW);
    expect(trends.failures).toEqual([
      { kind: "create-peering", code: "RequestLimitExceeded", count: 2 },
      { kind: "attach-vpc-to-tgw", code: "timed out waiting", count: 1 },
      { kind: "create-route", code: "no AWS code", count: 1 },
    ]);
    expect(trends.mix).toEqual([
      { team: "Analytics", scenario: "on-prem", method: "transit-gateway", count: 1 },
      { team: "Payments", scenario: "cross-account", method: "vpc-peering", count: 8 },
      { team: "Payments", scenario: "saas", method: "multi-vpc-private-connectivity", count: 1 },
    ]);
  });
});
