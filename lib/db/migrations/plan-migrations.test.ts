import { describe, expect, it } from "vitest";

import { checksumOf, type MigrationFile } from "./migration-files";
import type { MigrationRow } from "./migrations-table";
import { planMigrations } from "./plan-migrations";

function file(name: string, script = `-- ${name}\n`): MigrationFile {
  return { name, script, checksum: checksumOf(script) };
}

function row(migration: MigrationFile, changes: Partial<MigrationRow> = {}): MigrationRow {
  return {
    id: `id-${migration.name}`,
    checksum: migration.checksum,
    migrationName: migration.name,
    finishedAt: new Date("2026-11-27T00:00:00Z"),
    rolledBackAt: null,
    logs: null,
    ...changes,
  };
}

const one = file("20260101000000_one");
const two = file("20260102000000_two");

describe("planMigrations", () => {
  it.each([
    { case: "fresh database", files: [one, two], rows: [], pending: [one.name, two.name], applied: [] },
    { case: "partly applied", files: [one, two], rows: [row(one)], pending: [two.name], applied: [one.name] },
    { case: "up to date", files: [one, two], rows: [row(one), row(two)], pending: [], applied: [one.name, two.name] },
    {
      case: "failed, then marked rolled back",
      files: [one, two],
      rows: [row(one), row(two, { finishedAt: null, rolledBackAt: new Date() })],
      pending: [two.name],
      applied: [one.name],
    },
    {
      case: "checksum written with CRLF line endings",
      files: [one],
      rows: [row(one, { checksum: checksumOf(one.script.replace(/\n/g, "\r\n")) })],
      pending: [],
      applied: [one.name],
    },
  ])("$case", ({ files, rows, pending, applied }) => {
    const plan = planMigrations(files, rows);

    expect(plan.pending.map((migration) => migration.name)).toEqual(pending);
    expect(plan.alreadyApplied).toEqual(applied);
  });

  it.each([
    {
      case: "an earlier attempt failed",
      rows: [row(one), row(two, { finishedAt: null, logs: "syntax error" })],
      error: `Migration ${two.name} failed in an earlier run`,
    },
    {
      case: "an applied file changed",
      rows: [row(one, { checksum: checksumOf("something else") })],
      error: `Migration ${one.name} was modified after it was applied`,
    },
    {
      case: "an applied file is gone",
      rows: [row(one), row(file("20251231000000_gone"))],
      error: "Migration 20251231000000_gone is recorded as applied in this database but is missing",
    },
  ])("refuses when $case", ({ rows, error }) => {
    expect(() => planMigrations([one, two], rows)).toThrow(error);
  });
});
