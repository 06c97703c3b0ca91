import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";

import { migrateDatabase } from "../migrate";
import { createTestDatabase } from "../test-database";

const PROJECT_MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");

export type DatabaseBeforeMigration = {
  client: pg.Client;
  /** Applies `migration` and every later one, as a deploy of this release would. */
  migrateTheRest(): Promise<void>;
  drop(): Promise<void>;
};

/**
 * A fresh database as it was just before `migration`: every earlier migration applied, none from it on (later
 * ones may build on what it changes), with a connected client for writing the old rows the test migrates.
 */
export async function databaseBeforeMigration(migration: string): Promise<DatabaseBeforeMigration> {
  const database = await createTestDatabase({ migrate: false });
  const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
  await cp(PROJECT_MIGRATIONS, dir, { recursive: true });
  const fromHere = (await readdir(PROJECT_MIGRATIONS)).filter((name) => name >= migration && !name.endsWith(".toml"));
  if (!fromHere.includes(migration)) throw new Error(`No migration named ${migration}`);
  for (const name of fromHere) await rm(path.join(dir, name), { recursive: true });
  await migrateDatabase(database.url, { migrationsDir: dir, log: () => undefined });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    client,
    async migrateTheRest() {
      for (const name of fromHere) await cp(path.join(PROJECT_MIGRATIONS, name), path.join(dir, name), { recursive: true });
      await migrateDatabase(database.url, { migrationsDir: dir, log: () => undefined });
    },
    async drop() {
      await client.end();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The rows a request needs before it can exist (requester u1, team t1, account, cluster c1), in old-schema SQL. */
export async function insertRequestOwners(client: pg.Client): Promise<void> {
  await client.query(`
    INSERT INTO "User" (id, email, name, roles, "updatedAt") VALUES ('u1', 'a@example.com', 'A', '{requester}', now());
    INSERT INTO "Team" (id, slug, name) VALUES ('t1', 'payments', 'Payments');
    INSERT INTO "AwsAccount" (id, name, kind, "roleArn", regions, "updatedAt") VALUES ('111111111111', 'MSK', 'CLUSTER_OWNER', 'arn:aws:iam::111111111111:role/P', '{us-east-1}', now());
    INSERT INTO "Cluster" (id, arn, name, "accountId", region, "vpcId", "kafkaVersion", "authModes", state, facts, "discoveredAt")
      VALUES ('c1', 'arn:aws:kafka:us-east-1:111111111111:cluster/orders/1', 'orders', '111111111111', 'us-east-1', 'vpc-1', '3.6.0', '{iam}', 'ACTIVE', '{}', now());`);
}
