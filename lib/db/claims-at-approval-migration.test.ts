import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrateDatabase } from "./migrate";
import { createTestDatabase, type TestDatabase } from "./test-database";

const MIGRATION = "20261201080000_claims_at_approval";
const projectMigrations = path.join(process.cwd(), "prisma", "migrations");

// Requests approved before claims were taken at approval: those not started must hold their plan's reuses.
describe(`migration ${MIGRATION}`, () => {
  let database: TestDatabase;
  let client: pg.Client;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    await cp(projectMigrations, dir, { recursive: true });
    await rm(path.join(dir, MIGRATION), { recursive: true });
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
         VALUES ($1, 'c1', 't1', 'u1', '{}', '{iam}', 'dev', 'j', 'cross-account', $2::"RequestStatus", $3::jsonb, now())`,
        [id, status, JSON.stringify({ computedAt: "2026-12-01T00:00:00Z", plan: { steps: [], preflight: [], reuses } })],
      );
    await request("approved", "APPROVED", ["pcx-1", "pcx-1:requester", "pcx-1"]);
    // Retried after a failure: its claims exist already and are not doubled.
    await request("retried", "APPROVED", ["pcx-2"]);
    await client.query(`INSERT INTO "ResourceClaim" (id, resource, "requestId", kind) VALUES ('held', 'pcx-2', 'retried', 'RELIED_ON')`);
    await request("waiting", "SUBMITTED", ["pcx-3"]);

    await cp(path.join(projectMigrations, MIGRATION), path.join(dir, MIGRATION), { recursive: true });
    await migrateDatabase(database.url, { migrationsDir: dir, log: () => undefined });
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("claims the plan's reuses of approved requests once each, and nothing for one still waiting for a decision", async () => {
    const { rows } = await client.query(
      `SELECT "requestId", "stepKey", resource, kind::text FROM "ResourceClaim" WHERE "releasedAt" IS NULL ORDER BY "requestId", resource`,
    );
    expect(rows).toEqual([
      { requestId: "approved", stepKey: null, resource: "pcx-1", kind: "RELIED_ON" },
      { requestId: "approved", stepKey: null, resource: "pcx-1:requester", kind: "RELIED_ON" },
      { requestId: "retried", stepKey: null, resource: "pcx-2", kind: "RELIED_ON" },
    ]);
  });
});
