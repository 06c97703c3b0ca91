import type { PrismaClient } from "@/lib/db/prisma-factory";

import { DEMO_ACCOUNTS, DEMO_CLUSTERS, DEMO_PLATFORM_SETTINGS, DEMO_TEAMS, DEMO_USERS } from "./demo-data";

// Idempotent: running it again brings the demo rows back to their seeded values and touches nothing else.
export async function seedDatabase(prisma: PrismaClient): Promise<void> {
  const teamIds = new Map<string, string>();
  for (const team of DEMO_TEAMS) {
    const saved = await prisma.team.upsert({ where: { slug: team.slug }, create: team, update: { name: team.name } });
    teamIds.set(team.slug, saved.id);
  }
  for (const user of DEMO_USERS) {
    const saved = await prisma.user.upsert({
      where: { email: user.email },
      create: { email: user.email, name: user.name, roles: user.roles },
      update: { name: user.name, roles: user.roles },
    });
    for (const slug of user.teams) {
      const teamId = teamIds.get(slug);
      if (!teamId) throw new Error(`demo user ${user.email} names unknown team ${slug}`);
      await prisma.membership.upsert({
        where: { userId_teamId: { userId: saved.id, teamId } },
        create: { userId: saved.id, teamId },
        update: {},
      });
    }
  }
  for (const account of DEMO_ACCOUNTS) {
    await prisma.awsAccount.upsert({ where: { id: account.id }, create: account, update: account });
  }
  await prisma.platformSettings.upsert({
    where: { id: 1 },
    create: { id: 1, ...DEMO_PLATFORM_SETTINGS, updatedBy: "seed" },
    update: { ...DEMO_PLATFORM_SETTINGS, updatedBy: "seed" },
  });
  const now = new Date();
  for (const cluster of DEMO_CLUSTERS) {
    await prisma.cluster.upsert({
      where: { arn: cluster.arn },
      create: { ...cluster, discoveredAt: now },
      update: { ...cluster, discoveredAt: now },
    });
  }
}
