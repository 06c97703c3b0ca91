import "server-only";

import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../client";

export async function listOwnTokens(userId: string) {
  return db().apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, expiresAt: true },
  });
}

// Scoped by owner in the WHERE clause: revoking someone else's token id matches nothing.
export async function revokeOwnToken(owner: { id: string; email: string }, tokenId: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const result = await tx.apiToken.updateMany({
      where: { id: tokenId, userId: owner.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count === 1) {
      await recordAuditEvent(tx, {
        actor: { kind: "user", userId: owner.id, label: owner.email },
        action: "token.revoke",
        resourceIds: [tokenId],
      });
    }
    return result.count === 1;
  });
}
