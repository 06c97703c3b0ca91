import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import type { Prisma } from "@/lib/db/generated/client";
import type { PrismaClient } from "@/lib/db/prisma-factory";

import { DEMO_ACCOUNT_TEAMS, DEMO_ACCOUNTS, DEMO_CLUSTERS, DEMO_PLATFORM_SETTINGS, DEMO_TEAMS, DEMO_USERS } from "./demo-data";
import { seedDemoPolicies } from "./seed-demo-policies";

export type SeedReport = {
  created: { teams: number; users: number; accounts: number; clusters: number };
  /** Demo rows that were already there (an admin's, or an earlier seed's) and were left as they were. */
  kept: { teams: number; users: number; accounts: number; clusters: number };
  /** Settings are written only while nobody but the seed has saved them. */
  settings: "written" | "kept";
};

/** The audit action that records a seed run; its presence is what "seeded before" means. */
export const SEED_AUDIT_ACTION = "seed.demo";

// Create-only: a demo row that already exists is left exactly as it is, because an admin may have changed it,
// and nothing but demo rows is touched. One transaction, so a half-seeded database never exists.
export async function seedDatabase(prisma: PrismaClient): Promise<SeedReport> {
  return prisma.$transaction((tx) => seedRows(tx), { timeout: 30_000 });
}

async function seedRows(tx: Prisma.TransactionClient): Promise<SeedReport> {
  const report: SeedReport = { created: { teams: 0, users: 0, accounts: 0, clusters: 0 }, kept: { teams: 0, users: 0, accounts: 0, clusters: 0 }, settings: "kept" };
  const count = (table: keyof SeedReport["created"], made: boolean) => void (made ? report.created[table]++ : report.kept[table]++);

  const teamIds = new Map<string, string>();
  for (const team of DEMO_TEAMS) {
    const existing = await tx.team.findUnique({ where: { slug: team.slug } });
    count("teams", !existing);
    teamIds.set(team.slug, (existing ?? (await tx.team.create({ data: team }))).id);
  }
  const teamId = (slug: string, owner: string) => {
    const id = teamIds.get(slug);
    if (!id) throw new Error(`demo ${owner} names unknown team ${slug}`);
    return id;
  };
  for (const user of DEMO_USERS) {
    const existing = await tx.user.findUnique({ where: { email: user.email } });
    count("users", !existing);
    if (existing) continue;
    await tx.user.create({
      data: { email: user.email, name: user.name, roles: user.roles, memberships: { create: user.teams.map((slug) => ({ teamId: teamId(slug, user.email) })) } },
    });
  }
  for (const account of DEMO_ACCOUNTS) {
    const existing = await tx.awsAccount.findUnique({ where: { id: account.id } });
    count("accounts", !existing);
    if (existing) continue;
    const teams = DEMO_ACCOUNT_TEAMS.find((a) => a.accountId === account.id)?.teams ?? [];
    await tx.awsAccount.create({ data: { ...account, teams: { create: teams.map((slug) => ({ teamId: teamId(slug, `account ${account.id}`) })) } } });
  }
  const settings = await tx.platformSettings.findUnique({ where: { id: 1 }, select: { updatedBy: true } });
  if (!settings || settings.updatedBy === null || settings.updatedBy === "seed") {
    const data = { ...DEMO_PLATFORM_SETTINGS, updatedBy: "seed" };
    await tx.platformSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    report.settings = "written";
  }
  const now = new Date();
  for (const cluster of DEMO_CLUSTERS) {
    const existing = await tx.cluster.findUnique({ where: { arn: cluster.arn }, select: { id: true } });
    count("clusters", !existing);
    if (!existing) await tx.cluster.create({ data: { ...cluster, discoveredAt: now } });
  }
  const policies = await seedDemoPolicies(tx, (slug) => teamId(slug, "approval policy"));
  await recordAuditEvent(tx, { actor: { kind: "system", label: "seed" }, action: SEED_AUDIT_ACTION, details: { ...report, approvalPolicies: policies } });
  return report;
}
