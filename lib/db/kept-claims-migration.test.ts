import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { databaseBeforeMigration, insertRequestOwners, type DatabaseBeforeMigration } from "./testing/database-before-migration";

const MIGRATION = "20261203090000_kept_claims";

// Before this migration an ended request released every claim, even on what its teardown kept for others;
// the kept resources were known only from SKIPPED steps. The migration re-opens those claims, marked kept.
describe(`migration ${MIGRATION}`, () => {
  let before: DatabaseBeforeMigration;
  let client: pg.Client;

  beforeAll(async () => {
    before = await databaseBeforeMigration(MIGRATION);
    client = before.client;
    await insertRequestOwners(client);
    const request = (id: string, status: string) =>
      client.query(
        `INSERT INTO "AccessRequest" (id, "clusterId", "teamId", "requesterId", client, "authModes", environment, justification, scenario, status, "updatedAt")
         VALUES ($1, 'c1', 't1', 'u1', '{}', '{iam}', 'dev', 'j', 'cross-account', $2::"RequestStatus", now())`,
        [id, status],
      );
    const step = (requestId: string, key: string, status: string) =>
      client.query(
        `INSERT INTO "PlanStep" (id, "requestId", key, position, kind, "accountId", region, command, input, status, definition)
         VALUES ($1, $2, $3, 0, 'create-peering', '111111111111', 'us-east-1', 'CreateVpcPeeringConnection', '{}', $4::"StepStatus", '{}')`,
        [`${requestId}-${key}`, requestId, key, status],
      );
    const claim = (id: string, requestId: string, key: string, resource: string) =>
      client.query(
        `INSERT INTO "ResourceClaim" (id, resource, "requestId", "stepKey", kind, "releasedAt") VALUES ($1, $2, $3, $4, 'CREATED', '2026-12-02T10:00:00Z')`,
        [id, resource, requestId, key],
      );
    await request("maker", "DECOMMISSIONED");
    await step("maker", "create-peering", "SKIPPED");
    await claim("kept", "maker", "create-peering", "pcx-1");
    await step("maker", "create-route", "UNDONE");
    await claim("removed", "maker", "create-route", "rtb-1|10.0.0.0/16");
    // Still tearing down itself: its runner decides; nothing changes here.
    await request("failing", "FAILED");
    await step("failing", "create-peering", "SKIPPED");
    await claim("own-teardown", "failing", "create-peering", "pcx-2");

    await before.migrateTheRest();
  });

  afterAll(() => before?.drop());

  it("re-opens the ended maker's claims on what it kept, marked kept since they were released", async () => {
    const { rows } = await client.query(`SELECT id, "releasedAt", "keptAt" FROM "ResourceClaim" ORDER BY id`);
    expect(rows).toEqual([
      { id: "kept", releasedAt: null, keptAt: new Date("2026-12-02T10:00:00Z") },
      { id: "own-teardown", releasedAt: new Date("2026-12-02T10:00:00Z"), keptAt: null },
      { id: "removed", releasedAt: new Date("2026-12-02T10:00:00Z"), keptAt: null },
    ]);
  });
});
