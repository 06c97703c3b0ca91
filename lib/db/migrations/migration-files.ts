import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

// npm scripts, the Next server and the standalone server (which changes into its own folder, where the build
// copies the migrations) all run from a root that holds prisma/migrations; import.meta.url is rewritten by bundlers.
export const defaultMigrationsDir = path.join(process.cwd(), "prisma", "migrations");

export type MigrationFile = { name: string; script: string; checksum: string };

// Prisma stores the SHA-256 of the file's bytes, hex-encoded; we must produce the same string or
// `prisma migrate status` on a connected machine would see every migration as modified.
export function checksumOf(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

// Prisma also accepts a checksum taken with the other line endings, because a checkout with git's
// autocrlf changes the bytes without changing the migration.
export function checksumMatches(script: string, checksum: string): boolean {
  const lf = script.replace(/\r\n/g, "\n");
  const crlf = lf.replace(/\n/g, "\r\n");
  return [script, lf, crlf].some((variant) => checksumOf(variant) === checksum);
}

// Prisma's folder format: one directory per migration, applied in name order, each holding migration.sql.
export async function readMigrationFiles(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: unknown) => {
    throw new Error(`Cannot read the migrations directory ${migrationsDir}`, { cause: error });
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const bytes = await readFile(file).catch((error: unknown) => {
        throw new Error(`Migration ${name} has no readable migration.sql (${file})`, { cause: error });
      });
      return { name, script: bytes.toString("utf8"), checksum: checksumOf(bytes) };
    }),
  );
}
