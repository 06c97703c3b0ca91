import pg from "pg";

// Fills the database with `count` requests in one statement: each copies the client, plan and scenario of one of
// the requests the provisioning bench filed for real, spread over the demo teams' members, every status and three
// environments, one every seven minutes back from now, each with the audit event filing writes.
const INSERT_REQUESTS = `
WITH templates AS (
  SELECT (row_number() OVER (ORDER BY scenario) - 1)::int AS k, "clusterId", client, "authModes", scenario, plan
  FROM (SELECT DISTINCT ON (scenario) * FROM "AccessRequest" WHERE plan IS NOT NULL ORDER BY scenario, "createdAt") real
), members AS (
  SELECT (row_number() OVER (ORDER BY "teamId", "userId") - 1)::int AS k, "teamId", "userId" FROM "Membership"
), statuses AS (
  SELECT (row_number() OVER () - 1)::int AS k, s FROM unnest(enum_range(NULL::"RequestStatus")) s
), approver AS (
  SELECT id FROM "User" WHERE email = $2
)
INSERT INTO "AccessRequest" (id, "clusterId", "teamId", "requesterId", client, "authModes", environment, justification,
                             scenario, status, plan, "decidedById", "decidedAt", "createdAt", "updatedAt")
SELECT 'bench-' || g, t."clusterId", m."teamId", m."userId", t.client, t."authModes",
       (enum_range(NULL::"Environment"))[1 + g % 3], 'Load for the page benchmark, request ' || g, t.scenario, st.s, t.plan,
       CASE WHEN st.s IN ('SUBMITTED', 'CANCELLED') THEN NULL ELSE a.id END,
       CASE WHEN st.s IN ('SUBMITTED', 'CANCELLED') THEN NULL ELSE at + interval '1 hour' END,
       at, at
FROM generate_series(0, $1::int - 1) g
CROSS JOIN LATERAL (SELECT now() - g * interval '7 minutes' AS at) created
JOIN templates t ON t.k = g % (SELECT count(*) FROM templates)
JOIN members m ON m.k = (g / 7) % (SELECT count(*) FROM members)
JOIN statuses st ON st.k = (g / 5) % (SELECT count(*) FROM statuses)
CROSS JOIN approver a`;

const INSERT_AUDIT = `
INSERT INTO "AuditEvent" (at, "actorId", "actorLabel", action, "requestId", details)
SELECT r."createdAt", r."requesterId", u.email, 'request.submit', r.id,
       jsonb_build_object('via', 'api', 'scenario', r.scenario, 'authModes', r."authModes", 'environment', r.environment)
FROM "AccessRequest" r JOIN "User" u ON u.id = r."requesterId"
WHERE r.id LIKE 'bench-%'`;

// The rest of a request's history, up to `$1` events each (the dashboard issue measures at 1,000,000 events):
// the lifecycle and step events a provisioned request writes, a minute apart after its filing.
const INSERT_MORE_AUDIT = `
INSERT INTO "AuditEvent" (at, "actorId", "actorLabel", action, "requestId", details)
SELECT r."createdAt" + k * interval '1 minute', NULL, 'provisioner',
       (ARRAY['request.plan', 'request.approve', 'request.start-provisioning', 'step.start', 'step.succeed',
              'step.start', 'step.succeed', 'request.start-verifying', 'request.activate', 'request.path-analysed'])[1 + (k - 1) % 10],
       r.id, jsonb_build_object('step', 'create-route:rtb-0aaa0000000000001:10.20.0.0/16', 'n', k)
FROM "AccessRequest" r CROSS JOIN generate_series(1, $1::int) k
WHERE r.id LIKE 'bench-%'`;

export async function insertBulkRequests(
  databaseUrl: string,
  count: number,
  approverEmail: string,
  /** Audit events in all: each request gets its filing event and as many more as make this up. */
  auditEvents = count,
): Promise<{ inserted: number; submitted: number; auditEvents: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(INSERT_REQUESTS, [count, approverEmail]);
    await client.query(INSERT_AUDIT);
    const more = Math.max(0, Math.round(auditEvents / Math.max(1, count)) - 1);
    if (more > 0) await client.query(INSERT_MORE_AUDIT, [more]);
    await client.query("ANALYZE");
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "AccessRequest" WHERE status = 'SUBMITTED'`);
    const events = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent"`);
    return { inserted: rowCount ?? 0, submitted: Number(rows[0]?.n ?? 0), auditEvents: Number(events.rows[0]?.n ?? 0) };
  } finally {
    await client.end();
  }
}
