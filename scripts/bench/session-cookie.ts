import { encode } from "next-auth/jwt";

// Auth.js names its cookie this way over plain http (the __Secure- prefix is for https) and salts the JWT's key
// with that name. A token made here is what the portal's own sign-in would set: only the user id (lib/auth/auth.ts).
const COOKIE = "authjs.session-token";

export async function sessionCookie(user: { id: string; email: string; name: string }, secret: string): Promise<string> {
  const token = await encode({
    token: { sub: user.id, uid: user.id, email: user.email, name: user.name },
    secret,
    salt: COOKIE,
    maxAge: 60 * 60,
  });
  return `${COOKIE}=${token}`;
}
