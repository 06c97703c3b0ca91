import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseRequestFilter } from "@/lib/domain/requests/request-filter";

import { auditBatches } from "../audit/audit-keyset";
import type { PrismaClient } from "../prisma-factory";
import { insertRequests } from "../testing/bulk-requests";
import { startSeededTestDatabase } from "../testing/seeded-test-database";
import { searchRequests } from "./search-requests";
import type { Viewer } from "./request-visibility";

let database: Awaited<ReturnType<typeof startSeededTestDatabase>>;
let prisma: PrismaClient;
const viewers: Record<string, Viewer> = {};
const ids: Record<string, string> = {};
const numbers: Record<string, number> = {};

beforeAll(async () => {
  database = await startSeededTestDatabase();
  prisma = database.prisma;
  for (const name of ["bob", "carol"]) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.com` }, include: { memberships: true } });
    viewers[name] = { id: user.id, roles: user.roles, teamIds: user.memberships.map((m) => m.teamId) };
  }
  const analytics = await prisma.team.findUniqueOrThrow({ where: { slug: "analytics" } });
  const carol = await prisma.user.findUniqueOrThrow({ where: { email: "carol@example.com" } });
  const clusters = await prisma.cluster.findMany({ orderBy: { name: "asc" } });
  const day = 86_400_000;
  const [peering, onPrem, drifted, old] = await insertRequests(prisma, [
    { status: "SUBMITTED", environment: "prod", createdAt: new Date(Date.now() - 2 * day) },
    { status: "FAILED", teamId: analytics.id, requesterId: carol.id, scenario: "on_prem", method: "transit_gateway", client: { type: "on-prem", cidrs: ["192.168.10.0/24"] }, clusterId: clusters.at(-1)?.id },
    { status: "ACTIVE", drift: [{ step: "create-route", message: "Route is gone" }], client: { type: "aws-vpc", accountId: "333333333333", region: "us-east-1", vpcId: "vpc-0ccc0000000000009", securityGroupIds: ["sg-0ccc0000000000009"] } },
    { status: "ACTIVE", createdAt: new Date(Date.now() - 40 * day), endsAt: new Date(Date.now() + 3 * day) },
  ]);
  Object.assign(ids, { peering, onPrem, drifted, old });
  for (const r of await prisma.accessRequest.findMany({ select: { id: true, number: true } })) numbers[r.id] = r.number;
});
afterAll(async () => {
  await database?.drop();
});

async function found(viewer: string, query: string): Promise<string[]> {
  const { filter, errors } = parseRequestFilter(new URLSearchParams(query));
  expect(errors).toEqual({});
  const viewing = viewers[viewer];
  if (!viewing) throw new Error(viewer);
  return (await searchRequests(viewing, filter, { prisma })).rows.map((r) => r.id);
}

describe("searching the requests list", () => {
  it("by request number, client VPC, account (client's or cluster's), team, requester and cluster", async () => {
    expect(await found("bob", `q=%23${numbers[ids.onPrem ?? ""]}`)).toEqual([ids.onPrem]);
    expect(await found("bob", "q=vpc-0ccc0000000000009")).toEqual([ids.drifted]);
    expect(await found("bob", "q=333333333333")).toEqual([ids.drifted]);
    // 111111111111 owns the clusters: every request names one of them.
    expect((await found("bob", "q=111111111111")).length).toBe(4);
    // The team Analytics, and the cluster analytics-dev that the other three name.
    expect((await found("bob", "q=analyt")).length).toBe(4);
    expect(await found("bob", "q=ORDERS-prod")).toEqual([ids.onPrem]);
    expect(await found("bob", "q=carol%40")).toEqual([ids.onPrem]);
    expect(await found("bob", "q=nobody-matches-this")).toEqual([]);
  });

  it("filters by status, scenario, method, environment, age and drift, newest first unless asked", async () => {
    expect(await found("bob", "status=ACTIVE")).toEqual([ids.drifted, ids.old]);
    expect(await found("bob", "status=ACTIVE&sort=oldest")).toEqual([ids.old, ids.drifted]);
    expect(await found("bob", "scenario=on-prem")).toEqual([ids.onPrem]);
    expect(await found("bob", "method=vpc-peering&environment=prod")).toEqual([ids.peering]);
    expect(await found("bob", "age=over-30d")).toEqual([ids.old]);
    expect(await found("bob", "drift=drifted")).toEqual([ids.drifted]);
    expect(await found("bob", "drift=in-sync")).toEqual([ids.old]);
    expect(await found("bob", "expiring=7d")).toEqual([ids.old]);
  });

  it("shows a requester only their teams' requests, whatever they search for", async () => {
    expect(await found("carol", "")).toEqual([ids.onPrem]);
    expect(await found("carol", "q=vpc-0ccc0000000000009")).toEqual([]);
  });

  it("says when a page is past the end, and marks drift on the rows", async () => {
    const viewer = viewers.bob;
    if (!viewer) throw new Error("bob");
    const past = await searchRequests(viewer, parseRequestFilter({ page: "2" }).filter, { prisma });
    expect(past).toMatchObject({ rows: [], total: 4, pages: 1, outOfRange: true });
    const first = await searchRequests(viewer, parseRequestFilter({}).filter, { prisma });
    expect(first.outOfRange).toBe(false);
    expect(first.rows.filter((r) => r.drifted).map((r) => r.id)).toEqual([ids.drifted]);
    expect(first.rows.find((r) => r.id === ids.onPrem)?.method).toBe("transit-gateway");
  });
});

describe("the audit export's batches", () => {
  it("walk the whole filtered history newest first, each event once, across equal times", async () => {
    const sameTime = new Date("2026-11-01T00:00:00.000Z");
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({ at: i < 10 ? sameTime : new Date(sameTime.getTime() + i * 1000), actorLabel: "test", action: "export.test", details: { i } })),
    });
    const seen: bigint[] = [];
    let batches = 0;
    for await (const batch of auditBatches(prisma, { action: "export.test" }, 4)) {
      batches += 1;
      seen.push(...batch.map((e) => e.id));
    }
    expect(batches).toBe(7);
    expect(new Set(seen).size).toBe(25);
    const all = await prisma.auditEvent.findMany({ where: { action: "export.test" }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen).toEqual(all.map((e) => e.id));
  });
});
