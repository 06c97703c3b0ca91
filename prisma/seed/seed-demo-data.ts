import type { PrismaClient } from "@/lib/db/prisma-factory";

import { SEED_AUDIT_ACTION, seedDatabase, type SeedReport } from "./seed-database";

/** Where the seed would go: the quick start's embedded database, or one named by DATABASE_URL. */
export type SeedTarget = { database: "embedded" | "configured"; demo: boolean };

export type SeedOutcome = { seeded: true; report: SeedReport; message: string } | { seeded: false; refused: boolean; message: string };

export const DEMO_FLAG = "--demo";

// The demo data is for demos. The embedded database gets it once, on its first start, so that what an admin
// removes stays removed; a configured database gets it only when asked for by name.
export async function seedDemoData(prisma: PrismaClient, target: SeedTarget): Promise<SeedOutcome> {
  if (!target.demo && target.database === "configured") {
    return {
      seeded: false,
      refused: true,
      message: `Not seeding: the demo data (sandbox accounts 111111111111-444444444444, users like alice@example.com) is for demos, and DATABASE_URL names a database of your own. To load it anyway, run \`npm run db:seed -- ${DEMO_FLAG}\`: it only adds the demo rows that are missing and never changes existing ones.`,
    };
  }
  if (!target.demo) {
    const earlier = await prisma.auditEvent.findFirst({ where: { action: SEED_AUDIT_ACTION }, orderBy: { at: "asc" }, select: { at: true } });
    if (earlier) {
      return { seeded: false, refused: false, message: `demo data was loaded on ${earlier.at.toISOString().slice(0, 10)}; left as it is` };
    }
  }
  const report = await seedDatabase(prisma);
  return { seeded: true, report, message: describeSeed(report) };
}

function describeSeed(report: SeedReport): string {
  const { teams, users, accounts, clusters } = report.created;
  const kept = Object.values(report.kept).reduce((a, b) => a + b, 0);
  return [
    `demo data seeded: ${accounts} account(s), ${clusters} cluster(s), ${users} user(s), ${teams} team(s) added`,
    kept ? `${kept} demo row(s) already there and left as they were` : "",
    report.settings === "written" ? "platform settings set to the demo's" : "platform settings kept (an admin saved them)",
  ]
    .filter(Boolean)
    .join("; ");
}
