import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

// Slow (initdb and two starts): the one test of the embedded server itself.
const root = mkdtempSync(path.join(tmpdir(), "portal-embedded-pg-"));
let running: EmbeddedPostgres | undefined;
afterAll(async () => {
  await running?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const withoutPassword = (url: string) => {
  const parsed = new URL(url);
  parsed.password = "";
  return parsed.toString();
};

describe("embedded PostgreSQL", () => {
  it("takes a generated password, kept in its data directory for its owner only", { timeout: 120_000 }, async () => {
    running = await startEmbeddedPostgres({ dataDir: path.join(root, "data"), port: 55_000 + Math.floor(Math.random() * 1_000) });
    const passwordFile = path.join(running.dataDir, "portal-password");
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(new URL(running.url).password).toBe(encodeURIComponent(readFileSync(passwordFile, "utf8")));
    expect(await canConnect(running.url)).toBe(true);
    expect(await canConnect(withoutPassword(running.url))).toBe(false);
  });

  it("moves a data directory that trusted every connection onto a password", { timeout: 120_000 }, async () => {
    const dataDir = running!.dataDir;
    await running!.stop();
    // As such a directory was left by earlier versions: trust in pg_hba.conf and no password file.
    const hba = path.join(dataDir, "pg_hba.conf");
    writeFileSync(hba, readFileSync(hba, "utf8").replaceAll("scram-sha-256", "trust"));
    unlinkSync(path.join(dataDir, "portal-password"));

    running = await startEmbeddedPostgres({ dataDir: path.join(root, "data"), port: 55_000 + Math.floor(Math.random() * 1_000) });
    expect(readFileSync(hba, "utf8")).not.toMatch(/\strust\s*$/m);
    expect(await canConnect(running.url)).toBe(true);
    expect(await canConnect(withoutPassword(running.url))).toBe(false);
  });
});
