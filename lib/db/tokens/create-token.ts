import { DEFAULT_TOKEN_LIFETIME_DAYS, tokenExpiry, type TokenLifetimeDays, type TokenScope } from "@/lib/domain/people/token-scope";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { PrismaClient } from "../prisma-factory";
import { hashToken, newTokenSecret, TOKEN_PREFIX } from "./token-secret";

export type TokenOptions = { via?: "web" | "command line"; scope?: TokenScope; lifetimeDays?: TokenLifetimeDays };

// The plaintext is returned once, to be shown once; only its hash is stored. Every token ends: a forgotten
// one in an old pipeline stops working on its own.
export async function createToken(prisma: PrismaClient, owner: { id: string; email: string }, name: string, options: TokenOptions = {}) {
  const { via = "web", scope = "write", lifetimeDays = DEFAULT_TOKEN_LIFETIME_DAYS } = options;
  const token = newTokenSecret();
  const now = new Date();
  const saved = await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        userId: owner.id,
        name,
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        tokenHash: hashToken(token),
        scope,
        createdAt: now,
        expiresAt: tokenExpiry(now, lifetimeDays),
      },
    });
    await recordAuditEvent(tx, {
      actor: { kind: "user", userId: owner.id, label: owner.email },
      action: "token.create",
      resourceIds: [row.id],
      details: { name, prefix: row.prefix, via, scope, expiresAt: row.expiresAt?.toISOString() ?? null },
    });
    return row;
  });
  return { id: saved.id, prefix: saved.prefix, token, scope: saved.scope, expiresAt: saved.expiresAt };
}
