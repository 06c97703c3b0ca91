import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "./test-database";

// The guarantee lives in the database (triggers from the init migration), so it holds for every client:
// the app, a script, or a person at psql.
describe("AuditEvent in the database", () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  async function insertEvent(action: string): Promise<string> {
    const result = await client.query<{ id: string }>(
      `INSERT INTO "AuditEvent" ("actorLabel", "action") VALUES ('system', $1) RETURNING id`,
      [action],
    );
    const id = result.rows[0]?.id;
    if (id === undefined) throw new Error("INSERT returned no row");
    return id;
  }

  async function events(): Promise<{ action: string; details: unknown }[]> {
    const result = await client.query<{ action: string; details: unknown }>(
      `SELECT action, details FROM "AuditEvent" ORDER BY id`,
    );
    return result.rows;
  }

  it("accepts new events, with the defaults filled in", async () => {
    await insertEvent("request.created");

    const result = await client.query(`SELECT id, at, details FROM "AuditEvent" WHERE action = 'request.created'`);
    expect(result.rows).toEqual([{ id: expect.any(String), at: expect.any(Date), details: {} }]);
  });

  it.each([
    ["UPDATE", `UPDATE "AuditEvent" SET action = 'forged' WHERE id = $1`],
    ["DELETE", `DELETE FROM "AuditEvent" WHERE id = $1`],
  ])("refuses %s of an event", async (operation, sql) => {
    const id = await insertEvent(`kept.${operation}`);
    const before = await events();

    await expect(client.query(sql, [id])).rejects.toThrow(`AuditEvent is append-only: ${operation} is not allowed`);
    expect(await events()).toEqual(before);
  });

  it("refuses TRUNCATE", async () => {
    await insertEvent("kept.TRUNCATE");
    const before = await events();

    await expect(client.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(
      "AuditEvent is append-only: TRUNCATE is not allowed",
    );
    expect(await events()).toEqual(before);
  });
});
