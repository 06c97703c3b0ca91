import "server-only";

import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";

import { config, devSignInEnabled, oidcEnabled } from "@/lib/config";
import { authUrlSettings } from "@/lib/config/auth-url-settings";
import { db } from "@/lib/db/client";
import { openSession } from "@/lib/db/sessions/open-session";
import { revokeSession } from "@/lib/db/sessions/revoke-sessions";

import { syncOidcUser } from "./sync-oidc-user";

function providers(): Provider[] {
  const env = config();
  const list: Provider[] = [];
  if (oidcEnabled()) {
    list.push({
      id: "oidc",
      name: "Single sign-on",
      type: "oidc",
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_CLIENT_ID,
      clientSecret: env.AUTH_OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
    });
  }
  if (devSignInEnabled()) {
    // Development only (config refuses it in production): sign in as any seeded user, no password.
    list.push(
      Credentials({
        id: "dev",
        name: "Development sign-in",
        credentials: { email: { label: "Email", type: "email" } },
        async authorize(credentials) {
          if (!devSignInEnabled()) return null;
          const email = typeof credentials.email === "string" ? credentials.email.toLowerCase() : "";
          const user = await db().user.findUnique({ where: { email } });
          // A deactivated person cannot sign in by any route.
          return user && !user.deactivatedAt ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
    );
  }
  return list;
}

// Sessions are JWTs that name a UserSession row and its user; roles and teams are read from the database on
// every request (lib/auth/current-user.ts), so a change of role takes effect at once, and the row decides
// whether the session still counts (revoked, idle, past its absolute end, person deactivated).
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: config().AUTH_SECRET,
  ...authUrlSettings(config()),
  session: { strategy: "jwt", maxAge: config().SESSION_MAX_AGE_HOURS * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: providers(),
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== "oidc") return true;
      const result = await syncOidcUser(profile ?? {});
      if (!result.ok) return `/signin?error=${result.code}`;
      // Auth.js hands this same object to the jwt callback next: from here on it is the portal's user.
      user.id = result.userId;
      return true;
    },
    async jwt({ token, user }) {
      if (user?.id) {
        const session = await openSession(db(), user.id, config().SESSION_MAX_AGE_HOURS);
        return { ...token, uid: user.id, sid: session.id, ends: session.expiresAt.getTime() };
      }
      // Every visit re-signs the cookie with a later expiry; this end does not move, so a copied cookie dies
      // with the session it was copied from (the row in the database is checked as well, on every request).
      if (typeof token.sid !== "string" || typeof token.ends !== "number" || token.ends <= Date.now()) return null;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(db(), sid);
    },
  },
}));

declare module "next-auth" {
  // Declaration merging, the way Auth.js is extended, needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Session {
    /** The UserSession row this browser's cookie stands for. */
    sessionId?: string;
  }
}
