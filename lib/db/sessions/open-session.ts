import type { PrismaClient } from "../prisma-factory";

/** A new signed-in session; its absolute end is fixed now and never moves. */
export async function openSession(prisma: PrismaClient, userId: string, maxAgeHours: number, now = new Date()) {
  return prisma.userSession.create({
    data: { userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + maxAgeHours * 3_600_000) },
    select: { id: true, expiresAt: true },
  });
}
