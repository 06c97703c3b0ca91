import type { Prisma } from "../generated/client";
import type { PrismaClient } from "../prisma-factory";

type Db = PrismaClient | Prisma.TransactionClient;

/** Sign-out: the session's cookie may still be replayed, its row no longer lets it in. */
export async function revokeSession(prisma: Db, sessionId: string, now = new Date()): Promise<boolean> {
  const result = await prisma.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
  return result.count === 1;
}

/** Every live session of a person, e.g. when an administrator changes their access. Returns how many. */
export async function revokeUserSessions(prisma: Db, userId: string, now = new Date()): Promise<number> {
  const result = await prisma.userSession.updateMany({ where: { userId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
  return result.count;
}
