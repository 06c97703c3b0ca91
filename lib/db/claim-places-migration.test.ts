import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { databaseBeforeMigration, insertRequestOwners, type DatabaseBeforeMigration } from "./testing/database-before-migration";

const MIGRATION = "20261207090000_claim_places";

// Before this migration the link of a TGW route table a request relied on was read from its plan at every
// check. The migration puts it on the claim, from the plan the claim was made from.
describe(`migration ${MIGRATION}`, () => {
  let before: DatabaseBeforeMigration;
  let client: pg.Client;

  beforeAll(async () => {
    before = await databaseBeforeMigration(MIGRATION);
    client = before.client;
    await insertRequestOwners(client);
    const request = (id: string, plan: unknown) =>
      client.query(
        `INSERT INTO "AccessRequest" (id, "clusterId", "teamId", "requesterId", client, "authModes", environment, justification, scenario, status, plan, "updatedAt")
         VALUES ($1, 'c1', 't1', 'u1', '{}', '{iam}', 'dev', 'j', 'cross-account', 'ACTIVE', $2, now())`,
        [id, JSON.stringify(plan)],
      );
    const claim = (id: string, requestId: string, resource: string, stepKey: string | null = null) =>
      client.query(`INSERT INTO "ResourceClaim" (id, resource, "requestId", "stepKey", kind) VALUES ($1, $2, $3, $4, 'RELIED_ON')`, [
        id,
        resource,
        requestId,
        stepKey,
      ]);
    const link = "tgw-rtb-0aa|tgw-attach-0bb";
    await request("linked", {
      computedAt: "2026-12-01T00:00:00Z",
      plan: {
        reuses: [link, "tgw-rtb-0cc|tgw-attach-0bb", "pcx-0dd"],
        tgwTableReuses: [
          { id: link, relation: "propagating" },
          { id: link, relation: "associated" },
          { id: "tgw-rtb-0cc|tgw-attach-0bb", relation: "not-propagating" },
        ],
      },
    });
    await claim("link", "linked", link);
    await claim("default-link", "linked", "tgw-rtb-0cc|tgw-attach-0bb");
    await claim("peering", "linked", "pcx-0dd");
    // A plan stored before relations were recorded: the link is read as "linked either way", as before.
    await request("older", { computedAt: "2026-11-28T00:00:00Z", plan: { reuses: [link] } });
    await claim("older-link", "older", link);
    // A failed plan has no plan at all.
    await request("failed", { computedAt: "2026-11-28T00:00:00Z", error: { message: "no" } });
    await claim("failed-link", "failed", link);

    await before.migrateTheRest();
  });

  afterAll(() => before?.drop());

  it("puts each TGW link's relations on its claim, and none on any other", async () => {
    const { rows } = await client.query(`SELECT id, relations FROM "ResourceClaim" ORDER BY id`);
    expect(rows).toEqual([
      { id: "default-link", relations: ["not-propagating"] },
      { id: "failed-link", relations: [] },
      { id: "link", relations: ["associated", "propagating"] },
      { id: "older-link", relations: [] },
      { id: "peering", relations: [] },
    ]);
  });
});
