import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { databaseBeforeMigration, insertRequestOwners, type DatabaseBeforeMigration } from "./testing/database-before-migration";

const MIGRATION = "20261201080000_claims_at_approval";

// Requests approved before claims were taken at approval: those not started must hold their plan's reuses.
describe(`migration ${MIGRATION}`, () => {
  let before: DatabaseBeforeMigration;
  let client: pg.Client;

  beforeAll(async () => {
    before = await databaseBeforeMigration(MIGRATION);
    client = before.client;
    await insertRequestOwners(client);
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

    await before.migrateTheRest();
  });

  afterAll(() => before?.drop());

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
