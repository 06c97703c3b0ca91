import "server-only";

import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";

import { config, devSignInEnabled, oidcEnabled } from "@/lib/config";
import { db } from "@/lib/db/client";

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
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
    );
  }
  return list;
}

// Sessions are JWTs that carry only the user id; roles and teams are read from the database on every
// request (lib/auth/current-user.ts), so a change of role takes effect at once.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: config().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: providers(),
  callbacks: {
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "oidc" && profile) {
        const id = await syncOidcUser(profile);
        if (id) token.uid = id;
      } else if (user?.id) {
        token.uid = user.id;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
}));
