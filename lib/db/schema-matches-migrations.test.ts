import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readDatabaseShape } from "./migrations/actual-shape";
import { diffShapes, type DatabaseShape } from "./migrations/database-shape";
import { expectedShape } from "./migrations/expected-shape";
import { projectSchemaPath, readDatamodel } from "./migrations/read-datamodel";
import { createTestDatabase, type TestDatabase } from "./test-database";

// The migrations are hand-written, so this is what stops schema.prisma (and the client generated from it)
// drifting from the database the migrations build.
describe("the migrated database", () => {
  let database: TestDatabase;
  let client: pg.Client;
  let actual: DatabaseShape;
  let expected: DatabaseShape;

  beforeAll(async () => {
    expected = expectedShape(await readDatamodel());
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    actual = await readDatabaseShape(client);
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it("has exactly the enums, tables, columns, indexes and foreign keys of schema.prisma", () => {
    expect(diffShapes(expected, actual)).toEqual([]);
    // Guards against a comparison that passes because it compared nothing.
    expect([...expected.keys()].filter((key) => key.startsWith("column ")).length).toBeGreaterThan(80);
    expect(expected.get('index "PlanStep"."PlanStep_requestId_key_key"')).toBe(
      JSON.stringify({ columns: ["requestId", "key"], unique: true, primary: false, method: "btree", predicate: null }),
    );
  });

  it("would be reported as different if schema.prisma gained a column and an index without a migration", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "schema-"));
    try {
      const changed = (await readFile(projectSchemaPath, "utf8")).replace(
        /model Team \{\n/,
        "model Team {\n  nickname String?\n  @@index([name])\n",
      );
      const changedPath = path.join(dir, "schema.prisma");
      await writeFile(changedPath, changed);

      expect(diffShapes(expectedShape(await readDatamodel(changedPath)), actual)).toEqual([
        'column "Team"."nickname" is in schema.prisma but not in the database: {"type":"text","notNull":false,"default":null}',
        'index "Team"."Team_name_idx" is in schema.prisma but not in the database: {"columns":["name"],"unique":false,"primary":false,"method":"btree","predicate":null}',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("would be reported as different if the database had a column schema.prisma does not know", () => {
    const shape = new Map(actual);
    shape.set('column "Team"."legacy"', JSON.stringify({ type: "integer", notNull: false, default: null }));

    expect(diffShapes(expected, shape)).toEqual([
      'column "Team"."legacy" is in the database but not in schema.prisma: {"type":"integer","notNull":false,"default":null}',
    ]);
  });
});
