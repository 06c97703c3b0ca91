import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { databaseBeforeMigration, insertRequestOwners, type DatabaseBeforeMigration } from "./testing/database-before-migration";

const CLAIMS = "20261201060000_resource_claims";

// The old records, as the provisioner stored them before claims: created ids on steps, `reused:<id>` outputs,
// the plan's `reuses`. The migration must turn exactly the live ones into claims.
describe(`migration ${CLAIMS}`, () => {
  let before: DatabaseBeforeMigration;
  let client: pg.Client;

  beforeAll(async () => {
    before = await databaseBeforeMigration(CLAIMS);
    client = before.client;
    await insertRequestOwners(client);
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

    await before.migrateTheRest();
  });

  afterAll(() => before?.drop());

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
