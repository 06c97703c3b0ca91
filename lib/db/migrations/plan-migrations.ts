import { checksumMatches, type MigrationFile } from "./migration-files";
import type { MigrationRow } from "./migrations-table";

export type MigrationPlan = { pending: MigrationFile[]; alreadyApplied: string[] };

// Thrown when the recorded history and the files disagree: applying anything on top of a history we
// do not understand could corrupt the database, so a person has to look first.
export class MigrationHistoryError extends Error {
  override name = "MigrationHistoryError";
}

// Rows marked rolled back (`prisma migrate resolve --rolled-back`) no longer count, exactly as in Prisma,
// so the migration is applied again.
export function planMigrations(files: MigrationFile[], rows: MigrationRow[]): MigrationPlan {
  const live = rows.filter((row) => row.rolledBackAt === null);

  const failed = live.find((row) => row.finishedAt === null);
  if (failed) {
    throw new MigrationHistoryError(
      `Migration ${failed.migrationName} failed in an earlier run and must be resolved before any other migration runs. ` +
        `Its error: ${failed.logs ?? "(none recorded)"}. ` +
        `Fix the cause, then mark it rolled back (\`npx prisma migrate resolve --rolled-back ${failed.migrationName}\`, ` +
        `or set rolled_back_at on its row in _prisma_migrations) so it is applied again.`,
    );
  }

  const filesByName = new Map(files.map((file) => [file.name, file]));
  const appliedNames = new Set<string>();
  for (const row of live) {
    const file = filesByName.get(row.migrationName);
    if (!file) {
      throw new MigrationHistoryError(
        `Migration ${row.migrationName} is recorded as applied in this database but is missing from the migrations directory. ` +
          `Restore it from version control; this code may be older than the database.`,
      );
    }
    if (!checksumMatches(file.script, row.checksum)) {
      throw new MigrationHistoryError(
        `Migration ${row.migrationName} was modified after it was applied (checksum ${row.checksum} recorded, file differs). ` +
          `Revert the edit and put the change in a new migration.`,
      );
    }
    appliedNames.add(row.migrationName);
  }

  return {
    pending: files.filter((file) => !appliedNames.has(file.name)),
    alreadyApplied: files.filter((file) => appliedNames.has(file.name)).map((file) => file.name),
  };
}
