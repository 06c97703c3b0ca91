import "server-only";

import { db } from "@/lib/db/client";
import { hashToken, TOKEN_PREFIX } from "@/lib/db/tokens/token-secret";
import type { TokenScope } from "@/lib/domain/people/token-scope";

import { loadPortalUser, type PortalUser } from "./load-portal-user";

export type ApiCaller = { user: PortalUser; scope: TokenScope };

/** The token's owner as they are now (current roles; nobody if deactivated) and what the token may do. */
export async function callerFromBearer(header: string | null): Promise<ApiCaller | null> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]?.startsWith(TOKEN_PREFIX)) return null;
  const token = await db().apiToken.findUnique({ where: { tokenHash: hashToken(match[1]) } });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt < new Date())) return null;
  const user = await loadPortalUser(token.userId);
  if (!user) return null;
  // Writing on every call would make each API read a write; once a minute is enough for "last used".
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return { user, scope: token.scope };
}
