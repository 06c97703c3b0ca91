import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { removeAccount, saveAccount } from "@/lib/db/admin/manage-platform";
import { removeCluster } from "@/lib/db/catalog/manage-clusters";
import { createPrismaClient, type PrismaClient } from "@/lib/db/prisma-factory";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { accountFormSchema } from "@/lib/domain/admin-input";

import { DEMO_ACCOUNTS, DEMO_CLUSTERS, DEMO_TEAMS, DEMO_USERS } from "./demo-data";
import { seedDemoData } from "./seed-demo-data";

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase();
  // The admin functions below use the app's client, which reads DATABASE_URL on first use.
  process.env.DATABASE_URL = database.url;
  prisma = createPrismaClient(database.url, 2);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await (globalThis as { portalPrisma?: PrismaClient }).portalPrisma?.$disconnect();
  await database?.drop();
});

const rows = async () => ({
  users: await prisma.user.count(),
  accounts: await prisma.awsAccount.count(),
  clusters: await prisma.cluster.count(),
  settings: await prisma.platformSettings.count(),
  audit: await prisma.auditEvent.count(),
});

describe("the demo seed", () => {
  it("refuses a configured database without --demo, says how to ask, and writes nothing", async () => {
    const outcome = await seedDemoData(prisma, { database: "configured", demo: false });
    expect(outcome).toMatchObject({ seeded: false, refused: true });
    expect(outcome.message).toContain("npm run db:seed -- --demo");
    expect(await rows()).toEqual({ users: 0, accounts: 0, clusters: 0, settings: 0, audit: 0 });
  });

  it("loads the embedded database on its first start", async () => {
    const outcome = await seedDemoData(prisma, { database: "embedded", demo: false });
    expect(outcome.seeded && outcome.report.created).toEqual({ teams: DEMO_TEAMS.length, users: DEMO_USERS.length, accounts: DEMO_ACCOUNTS.length, clusters: DEMO_CLUSTERS.length });
    expect(await rows()).toMatchObject({ users: DEMO_USERS.length, accounts: DEMO_ACCOUNTS.length, clusters: DEMO_CLUSTERS.length, settings: 1 });
  });

  it("on later starts leaves an admin's changes and removals as they are", async () => {
    const erin = await prisma.user.findUniqueOrThrow({ where: { email: "erin@example.com" } });
    const actor = { kind: "user" as const, userId: erin.id, label: erin.email };
    const payments = DEMO_ACCOUNTS.find((a) => a.id === "222222222222")!;
    await saveAccount(actor, accountFormSchema.parse({ ...payments, name: "payments-prod", teamIds: [] }));
    // What saving the platform form leaves behind: the admin's settings, signed with their e-mail.
    await prisma.platformSettings.update({ where: { id: 1 }, data: { crossAccountVpcVia: "transit-gateway", updatedBy: erin.email } });
    await removeCluster(actor, (await prisma.cluster.findUniqueOrThrow({ where: { arn: DEMO_CLUSTERS[1]!.arn } })).id);
    await removeAccount(actor, "444444444444");

    const outcome = await seedDemoData(prisma, { database: "embedded", demo: false });
    expect(outcome).toMatchObject({ seeded: false, refused: false });
    expect(outcome.message).toMatch(/^demo data was loaded on \d{4}-\d{2}-\d{2}; left as it is$/);
    expect(await prisma.awsAccount.findUnique({ where: { id: "444444444444" } })).toBeNull();
    expect(await prisma.cluster.findUnique({ where: { arn: DEMO_CLUSTERS[1]!.arn } })).toBeNull();
    expect(await prisma.awsAccount.findUniqueOrThrow({ where: { id: "222222222222" }, include: { teams: true } })).toMatchObject({ name: "payments-prod", teams: [] });
  });

  it("with --demo adds back what is missing and still changes nothing that is there", async () => {
    const outcome = await seedDemoData(prisma, { database: "configured", demo: true });
    expect(outcome.seeded && outcome.report).toEqual({
      created: { teams: 0, users: 0, accounts: 1, clusters: 1 },
      kept: { teams: DEMO_TEAMS.length, users: DEMO_USERS.length, accounts: DEMO_ACCOUNTS.length - 1, clusters: DEMO_CLUSTERS.length - 1 },
      settings: "kept",
    });
    expect(await prisma.awsAccount.findUniqueOrThrow({ where: { id: "222222222222" } })).toMatchObject({ name: "payments-prod" });
    expect(await prisma.platformSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ crossAccountVpcVia: "transit-gateway", updatedBy: "erin@example.com" });
    expect(await prisma.cluster.count({ where: { arn: DEMO_CLUSTERS[1]!.arn } })).toBe(1);
  });
});
