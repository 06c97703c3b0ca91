import { afterEach, describe, expect, it } from "vitest";

import { databaseBeforeMigration, insertRequestOwners } from "./testing/database-before-migration";

const MIGRATION = "20261202000000_request_enums";

// A database migrated up to just before the enums, holding one request with one step.
async function databaseBeforeEnums(values: { scenario: string; preferredMethod: string | null; kind: string }) {
  const before = await databaseBeforeMigration(MIGRATION);
  const client = before.client;
  await insertRequestOwners(client);
  await client.query(
    `INSERT INTO "AccessRequest" (id, "clusterId", "teamId", "requesterId", client, "authModes", environment, justification, scenario, "preferredMethod", "updatedAt")
     VALUES ('r1', 'c1', 't1', 'u1', '{}', '{iam}', 'dev', 'j', $1, $2, now())`,
    [values.scenario, values.preferredMethod],
  );
  await client.query(
    `INSERT INTO "PlanStep" (id, "requestId", key, position, kind, "accountId", region, command, input, definition)
     VALUES ('s1', 'r1', 'step-1', 0, $1, '111111111111', 'us-east-1', 'CreateVpcPeeringConnection', '{}', '{}')`,
    [values.kind],
  );
  return { client, migrate: () => before.migrateTheRest(), drop: () => before.drop() };
}

describe(`migration ${MIGRATION}`, () => {
  let current: { drop(): Promise<void> } | undefined;
  afterEach(async () => {
    await current?.drop();
    current = undefined;
  });

  it("keeps the stored strings, now typed by the enums", async () => {
    const db = await databaseBeforeEnums({ scenario: "cross-account", preferredMethod: "multi-vpc-private-connectivity", kind: "create-peering" });
    current = db;
    await db.migrate();
    const { rows } = await db.client.query(
      `SELECT r.scenario::text, pg_typeof(r.scenario)::text AS "scenarioType", r."preferredMethod"::text, s.kind::text, pg_typeof(s.kind)::text AS "kindType"
         FROM "AccessRequest" r JOIN "PlanStep" s ON s."requestId" = r.id`,
    );
    expect(rows).toEqual([
      { scenario: "cross-account", scenarioType: '"Scenario"', preferredMethod: "multi-vpc-private-connectivity", kind: "create-peering", kindType: '"StepKind"' },
    ]);
  });

  it("refuses values outside the enums, naming the column and the values, and changes nothing", async () => {
    const db = await databaseBeforeEnums({ scenario: "cross_account", preferredMethod: null, kind: "create-peering" });
    current = db;
    await expect(db.migrate()).rejects.toThrow(/AccessRequest\.scenario holds values outside the enum Scenario: 'cross_account'/);
    const { rows } = await db.client.query(`SELECT pg_typeof(scenario)::text AS type, scenario FROM "AccessRequest"`);
    expect(rows).toEqual([{ type: "text", scenario: "cross_account" }]);
  });

  it("names an unknown step kind too", async () => {
    const db = await databaseBeforeEnums({ scenario: "saas", preferredMethod: null, kind: "delete-everything" });
    current = db;
    await expect(db.migrate()).rejects.toThrow(/PlanStep\.kind holds values outside the enum StepKind: 'delete-everything'/);
  });
});
