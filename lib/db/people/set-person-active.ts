import "server-only";

import { lastAdminRefusal } from "@/lib/domain/people/last-admin";
import { ExpectedError } from "@/lib/errors/expected-error";

import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { db } from "../client";
import { revokeUserSessions } from "../sessions/revoke-sessions";
import { lockActiveAdminIds } from "./active-admins";

/**
 * Deactivating ends the person's sessions and revokes their tokens in the same transaction (every use checks
 * the person too, so nothing slips through before the commit). Reactivating gives back sign-in only: old
 * sessions and tokens stay ended.
 */
export async function deactivatePerson(actor: AuditActor & { kind: "user" }, userId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const admins = await lockActiveAdminIds(tx);
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new ExpectedError("not-found", "No such person.");
    if (user.deactivatedAt) throw new ExpectedError("conflict", `${user.email} is already deactivated.`);
    const refusal = lastAdminRefusal(admins, { targetUserId: user.id, deactivate: true }, actor.userId);
    if (refusal) throw new ExpectedError("conflict", refusal);
    const now = new Date();
    await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: now } });
    const sessionsRevoked = await revokeUserSessions(tx, user.id, now);
    const tokens = await tx.apiToken.updateManyAndReturn({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now }, select: { id: true } });
    await recordAuditEvent(tx, { actor, action: "user.deactivate", resourceIds: [user.id], details: { email: user.email, sessionsRevoked, tokensRevoked: tokens.length } });
    if (tokens.length > 0) {
      await recordAuditEvent(tx, { actor, action: "token.revoke", resourceIds: tokens.map((t) => t.id), details: { reason: "owner deactivated" } });
    }
  });
}

export async function reactivatePerson(actor: AuditActor, userId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const result = await tx.user.updateManyAndReturn({ where: { id: userId, deactivatedAt: { not: null } }, data: { deactivatedAt: null }, select: { email: true } });
    const [user] = result;
    if (!user) throw new ExpectedError("conflict", "No such deactivated person.");
    await recordAuditEvent(tx, { actor, action: "user.reactivate", resourceIds: [userId], details: { email: user.email } });
  });
}

/** "Sign out everywhere" for somebody else, e.g. a lost laptop. */
export async function revokePersonSessions(actor: AuditActor, userId: string): Promise<number> {
  return db().$transaction(async (tx) => {
    const count = await revokeUserSessions(tx, userId);
    if (count > 0) await recordAuditEvent(tx, { actor, action: "session.revoke", resourceIds: [userId], details: { sessionsRevoked: count } });
    return count;
  });
}
