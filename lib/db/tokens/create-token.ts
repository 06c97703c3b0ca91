import { recordAuditEvent } from "../audit/record-audit-event";
import type { PrismaClient } from "../prisma-factory";
import { hashToken, newTokenSecret, TOKEN_PREFIX } from "./token-secret";

// The plaintext is returned once, to be shown once; only its hash is stored.
export async function createToken(
  prisma: PrismaClient,
  owner: { id: string; email: string },
  name: string,
  via: "web" | "command line" = "web",
) {
  const token = newTokenSecret();
  const saved = await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: owner.id, name, prefix: token.slice(0, TOKEN_PREFIX.length + 6), tokenHash: hashToken(token) },
    });
    await recordAuditEvent(tx, {
      actor: { kind: "user", userId: owner.id, label: owner.email },
      action: "token.create",
      resourceIds: [row.id],
      details: { name, prefix: row.prefix, via },
    });
    return row;
  });
  return { id: saved.id, prefix: saved.prefix, token };
}
