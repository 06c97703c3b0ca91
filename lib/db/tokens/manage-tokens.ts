import "server-only";

import type { AuditActor } from "../audit/record-audit-event";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../client";

const TOKEN_COLUMNS = { id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true, expiresAt: true } as const;

export async function listOwnTokens(userId: string) {
  return db().apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: TOKEN_COLUMNS });
}

/** Everyone's tokens that still work, for administrators; revoked and expired ones are history by then. */
export async function listLiveTokens(now = new Date()) {
  return db().apiToken.findMany({
    where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: [{ user: { email: "asc" } }, { createdAt: "desc" }],
    select: { ...TOKEN_COLUMNS, user: { select: { email: true } } },
  });
}

// Scoped by owner in the WHERE clause: revoking someone else's token id matches nothing.
export async function revokeOwnToken(owner: { id: string; email: string }, tokenId: string): Promise<boolean> {
  return revokeToken({ kind: "user", userId: owner.id, label: owner.email }, { id: tokenId, userId: owner.id });
}

/** An administrator's revocation of anybody's token; the caller has checked "people.manage". */
export async function revokeAnyToken(actor: AuditActor, tokenId: string): Promise<boolean> {
  return revokeToken(actor, { id: tokenId });
}

async function revokeToken(actor: AuditActor, where: { id: string; userId?: string }): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const result = await tx.apiToken.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: new Date() } });
    if (result.count === 1) await recordAuditEvent(tx, { actor, action: "token.revoke", resourceIds: [where.id] });
    return result.count === 1;
  });
}
