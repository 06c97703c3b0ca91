import { needsTouch, sessionRefusal, type SessionLimits } from "@/lib/domain/people/session-validity";

import type { PrismaClient } from "../prisma-factory";

/**
 * The user a session cookie's session belongs to, or null when it no longer counts (revoked, past its end,
 * idle too long, its person deactivated). Every signed-in page, action and route resolves its session here.
 */
export async function resolveSession(prisma: PrismaClient, sessionId: string, limits: SessionLimits, now = new Date()): Promise<string | null> {
  const session = await prisma.userSession.findUnique({
    where: { id: sessionId },
    select: { id: true, userId: true, expiresAt: true, lastSeenAt: true, revokedAt: true, user: { select: { deactivatedAt: true } } },
  });
  if (!session || sessionRefusal(session, now, limits)) return null;
  if (needsTouch(session.lastSeenAt, now)) {
    // Conditional so that concurrent requests of one page touch it once, and a revocation in between wins.
    await prisma.userSession.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return session.userId;
}
