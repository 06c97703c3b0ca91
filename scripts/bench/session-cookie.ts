import { encode } from "next-auth/jwt";

import { openSession } from "@/lib/db/sessions/open-session";
import type { PrismaClient } from "@/lib/db/prisma-factory";

// Auth.js names its cookie this way over plain http (the __Secure- prefix is for https) and salts the JWT's key
// with that name. A cookie made here is what the portal's own sign-in sets (lib/auth/auth.ts): the user id and
// a session row of the database with its absolute end, which every page checks.
const COOKIE = "authjs.session-token";

export async function sessionCookie(prisma: PrismaClient, user: { id: string; email: string; name: string }, secret: string): Promise<string> {
  const session = await openSession(prisma, user.id, 1);
  const token = await encode({
    token: { sub: user.id, uid: user.id, sid: session.id, ends: session.expiresAt.getTime(), email: user.email, name: user.name },
    secret,
    salt: COOKIE,
    maxAge: 60 * 60,
  });
  return `${COOKIE}=${token}`;
}
