import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrateDatabase } from "./migrate";
import { createTestDatabase, type TestDatabase } from "./test-database";

const CLAIMS = "20261201060000_resource_claims";
const projectMigrations = path.join(process.cwd(), "prisma", "migrations");

// The old records, as the provisioner stored them before claims: created ids on steps, `reused:<id>` outputs,
// the plan's `reuses`. The migration must turn exactly the live ones into claims.
describe(`migration ${CLAIMS}`, () => {
  let database: TestDatabase;
  let client: pg.Client;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    await cp(projectMigrations, dir, { recursive: true });
    // The database as it was before claims: later migrations may build on the table, so they wait too.
    const later = (await readdir(projectMigrations)).filter((name) => name >= CLAIMS && !name.endsWith(".toml"));
    for (const name of later) await rm(path.join(dir, name), { recursive: true });
    await migrateDatabase(database.url, { migrationsDir: dir, log: () => undefined });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`
      INSERT INTO "User" (id, email, name, roles, "updatedAt") VALUES ('u1', 'a@example.com', 'A', '{requester}', now());
      INSERT INTO "Team" (id, slug, name) VALUES ('t1', 'payments', 'Payments');
      INSERT INTO "AwsAccount" (id, name, kind, "roleArn", regions, "updatedAt") VALUES ('111111111111', 'MSK', 'CLUSTER_OWNER', 'arn:aws:iam::111111111111:role/P', '{us-east-1}', now());
      INSERT INTO "Cluster" (id, arn, name, "accountId", region, "vpcId", "kafkaVersion", "authModes", state, facts, "discoveredAt")
        VALUES ('c1', 'arn:aws:kafka:us-east-1:111111111111:cluster/orders/1', 'orders', '111111111111', 'us-east-1', 'vpc-1', '3.6.0', '{iam}', 'ACTIVE', '{}', now());`);
    const request = (id: string, status: string, reuses: string[]) =>
      client.query(
        `INSERT INTO "AccessRequest" (id, "clusterId", "teamId", "requesterId", client, "authModes", environment, justification, scenario, status, plan, "updatedAt")
         VALUES ($1, 'c1', 't1', 'u1', '{}', '{iam}', 'dev', 'test', 'cross-account', $2::"RequestStatus", $3, now())`,
        [id, status, JSON.stringify({ computedAt: "2026-12-01T00:00:00Z", plan: { steps: [], preflight: [], reuses } })],
      );
    const step = (requestId: string, key: string, status: string, created: string[], outputs: Record<string, string>) =>
      client.query(
        `INSERT INTO "PlanStep" (id, "requestId", key, position, kind, "accountId", region, command, input, status, "createdResources", "awsRequestIds", definition, outputs)
         VALUES ($1, $2, $3, 0, $3, '111111111111', 'us-east-1', 'X', '{}', $4::"StepStatus", $5, '{}', '{}', $6)`,
        [`${requestId}-${key}`, requestId, key, status, JSON.stringify(created.map((id) => ({ type: "t", id, account: "111111111111", region: "us-east-1" }))), JSON.stringify(outputs)],
      );
    await request("active", "ACTIVE", ["pcx-old"]);
    await step("active", "create-route", "SUCCEEDED", ["rtb-1|10.0.0.0/16"], {});
    await step("active", "enable-peering-dns", "SUCCEEDED", [], { "reused:pcx-old:requester": "pcx-old:requester" });
    await request("torn-down", "DECOMMISSIONED", ["pcx-gone"]);
    await step("torn-down", "create-peering", "SKIPPED", ["pcx-kept"], { VpcPeeringConnectionId: "pcx-kept" });
    await request("rolling-back", "ROLLING_BACK", []);
    await step("rolling-back", "create-peering", "UNDONE", ["pcx-undone"], {});
    await step("rolling-back", "create-route", "SUCCEEDED", ["rtb-2|10.1.0.0/16"], {});

    for (const name of later) await cp(path.join(projectMigrations, name), path.join(dir, name), { recursive: true });
    await migrateDatabase(database.url, { migrationsDir: dir, log: () => undefined });
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("claims what live requests' steps created and relied on, and what their plans reused", async () => {
    const { rows } = await client.query(
      `SELECT "requestId", "stepKey", resource, kind::text, "accountId" FROM "ResourceClaim" WHERE "releasedAt" IS NULL ORDER BY "requestId", resource`,
    );
    expect(rows).toEqual([
      { requestId: "active", stepKey: null, resource: "pcx-old", kind: "RELIED_ON", accountId: null },
      { requestId: "active", stepKey: "enable-peering-dns", resource: "pcx-old:requester", kind: "RELIED_ON", accountId: "111111111111" },
      { requestId: "active", stepKey: "create-route", resource: "rtb-1|10.0.0.0/16", kind: "CREATED", accountId: "111111111111" },
      { requestId: "rolling-back", stepKey: "create-route", resource: "rtb-2|10.1.0.0/16", kind: "CREATED", accountId: "111111111111" },
    ]);
  });

  it("drops the `reused:` outputs and keeps the rest", async () => {
    const { rows } = await client.query(`SELECT "requestId", key, outputs FROM "PlanStep" WHERE outputs <> '{}'::jsonb ORDER BY id`);
    expect(rows).toEqual([{ requestId: "torn-down", key: "create-peering", outputs: { VpcPeeringConnectionId: "pcx-kept" } }]);
  });
});
