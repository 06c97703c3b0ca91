import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseRequestFilter } from "@/lib/domain/requests/request-filter";

import { auditPage, auditWhereSql } from "./audit/audit-keyset";
import { dashboardNow } from "./dashboard/dashboard-now";
import { dashboardTrends } from "./dashboard/dashboard-trends";
import type { PrismaClient } from "./prisma-factory";
import { searchRequests } from "./requests/search-requests";
import { explainingClient, type Plan } from "./testing/explaining-client";
import { startSeededTestDatabase } from "./testing/seeded-test-database";

// Big enough that PostgreSQL's planner prefers a sequential scan wherever an index does not really serve the
// query: 30,000 requests over about two years among 20 teams, 300,000 audit events.
const REQUESTS = 30_000;
const EVENTS = 300_000;

let database: Awaited<ReturnType<typeof startSeededTestDatabase>>;
let prisma: PrismaClient;
const bob = { id: "", roles: ["approver"] as const, teamIds: [] as string[] };

beforeAll(async () => {
  database = await startSeededTestDatabase();
  prisma = database.prisma;
  const [cluster, user] = await Promise.all([prisma.cluster.findFirstOrThrow(), prisma.user.findUniqueOrThrow({ where: { email: "bob@example.com" } })]);
  bob.id = user.id;
  await prisma.team.createMany({ data: Array.from({ length: 20 }, (_, i) => ({ id: `bulk-team-${i}`, slug: `bulk-team-${i}`, name: `Bulk team ${i}` })) });
  await prisma.$executeRaw`
    INSERT INTO "AccessRequest" ("id", "clusterId", "teamId", "requesterId", "client", "authModes", "environment", "justification",
                                 "scenario", "method", "status", "createdAt", "updatedAt", "decidedAt", "drift")
    SELECT 'bulk-' || i, ${cluster.id}, 'bulk-team-' || (i % 20), ${user.id},
           jsonb_build_object('type', 'aws-vpc', 'accountId', lpad((100000000000 + i % 700)::text, 12, '0'), 'region', 'us-east-1',
                              'vpcId', 'vpc-' || lpad(to_hex(i), 17, '0'), 'securityGroupIds', jsonb_build_array('sg-0bbb0000000000001')),
           ARRAY['iam'], 'dev', 'bulk', 'cross-account', 'vpc-peering',
           -- As in a portal that has run for years: a few waiting, running or failed, most active or gone.
           (CASE WHEN i % 1000 < 10 THEN 'SUBMITTED' WHEN i % 1000 < 15 THEN 'FAILED' WHEN i % 1000 < 18 THEN 'PROVISIONING'
                 WHEN i % 1000 < 20 THEN 'VERIFYING' WHEN i % 1000 < 400 THEN 'DECOMMISSIONED' ELSE 'ACTIVE' END)::"RequestStatus",
           now() - make_interval(mins => i * 33), now() - make_interval(mins => i * 33),
           CASE WHEN i % 1000 >= 10 THEN now() - make_interval(mins => i * 33 - 60) END,
           CASE WHEN i % 250 = 4 THEN '[{"step": "create-route", "message": "Route is gone"}]'::jsonb END
      FROM generate_series(1, ${REQUESTS}) AS i`;
  await prisma.$executeRaw`
    INSERT INTO "AuditEvent" ("at", "actorLabel", "action", "requestId", "resourceIds", "details")
    SELECT now() - make_interval(mins => i * 3 + 1), 'provisioner',
           (ARRAY['step.start', 'step.succeed', 'request.approve', 'request.activate', 'step.fail', 'step.retry', 'step.start', 'step.succeed', 'request.submit', 'request.plan'])[1 + i % 10],
           'bulk-' || (1 + (i / 10) % ${REQUESTS}), '{}', jsonb_build_object('kind', 'create-route', 'error', 'Rate exceeded (RequestLimitExceeded)')
      FROM generate_series(1, ${EVENTS}) AS i`;
  await prisma.$executeRawUnsafe(`ANALYZE "AccessRequest"; `);
  await prisma.$executeRawUnsafe(`ANALYZE "AuditEvent"`);
  await prisma.$executeRawUnsafe(`ANALYZE "Team"`);
}, 180_000);
afterAll(async () => {
  await database?.drop();
});

const BIG_TABLES = ["AccessRequest", "AuditEvent"];
const seqScansOfBigTables = (plans: Plan[]) =>
  plans.flatMap((p) => p.nodes.filter((n) => n.type === "Seq Scan" && BIG_TABLES.includes(n.relation ?? "")).map(() => p.sql.replace(/\s+/g, " ").slice(0, 160)));
const indexesUsed = (plans: Plan[]) => new Set(plans.flatMap((p) => p.nodes.map((n) => n.index).filter(Boolean)));

async function plansOf(run: (client: PrismaClient) => Promise<unknown>): Promise<Plan[]> {
  const { client, plans } = explainingClient(prisma);
  await run(client);
  expect(plans.length).toBeGreaterThan(0);
  return plans;
}

describe("the hot queries at a realistic size read the big tables through indexes", () => {
  it.each([
    ["a request number", "q=%2312345"],
    ["a client VPC", "q=vpc-00000000000003039"],
    ["an account", "q=100000000042"],
    ["a team", "q=Bulk+team+7"],
    ["drifted connections", "drift=drifted"],
    ["a status, oldest first", "status=SUBMITTED&sort=oldest"],
  ])("the requests list searching %s (%s)", async (_, query) => {
    const { filter, errors } = parseRequestFilter(new URLSearchParams(query));
    expect(errors).toEqual({});
    const plans = await plansOf((client) => searchRequests(bob, filter, { prisma: client }));
    expect(seqScansOfBigTables(plans)).toEqual([]);
  });

  it("the default list page walks the filing-time index instead of sorting every request", async () => {
    const plans = await plansOf((client) => searchRequests(bob, parseRequestFilter({}).filter, { prisma: client }));
    const page = plans.find((p) => p.sql.includes("LIMIT"));
    expect(page?.nodes.some((n) => n.type === "Seq Scan")).toBe(false);
    expect(indexesUsed(page ? [page] : [])).toContain("AccessRequest_createdAt_idx");
  });

  it("the dashboard's counts and trends", async () => {
    const plans = await plansOf(async (client) => {
      await dashboardNow(client);
      await dashboardTrends(client);
    });
    expect(seqScansOfBigTables(plans)).toEqual([]);
    const used = indexesUsed(plans);
    expect(used).toContain("AccessRequest_drift_idx");
  });

  it.each([
    ["the first page", {}, false],
    ["a page deep in the history", {}, true],
    ["one action", { action: "step.fail" }, true],
    ["one request", { requestId: "#123" }, false],
  ])("an audit export batch: %s", async (_, filter, withCursor) => {
    const cursor = withCursor ? { at: new Date(Date.now() - 200 * 86_400_000), id: 150_000n } : null;
    const plans = await plansOf(async (client) => auditPage(client, await auditWhereSql(client, filter), cursor, 1000));
    expect(seqScansOfBigTables(plans)).toEqual([]);
  });
});
