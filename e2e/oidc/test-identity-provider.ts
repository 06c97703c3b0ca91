import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import Provider, { type Account } from "oidc-provider";

import { loginPage } from "./login-page";
import { findTestIdentity, TEST_PASSWORD } from "./test-identities";

export type TestIdentityProvider = { issuer: string; clientId: string; clientSecret: string; close(): Promise<void> };

// A real OpenID Connect provider (oidc-provider, the certified implementation) on loopback, so the portal's
// production build signs people in exactly as it would against the company's SSO: discovery, authorization
// code with PKCE, client secret, signed ID token carrying email, name and groups.
export async function startTestIdentityProvider(options: { portalUrl: string; port?: number }): Promise<TestIdentityProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "msk-portal";
  const clientSecret = randomBytes(24).toString("base64url");

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${options.portalUrl}/api/auth/callback/oidc`],
        post_logout_redirect_uris: [options.portalUrl],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    // Groups travel with the profile scope, which the portal asks for; in the ID token, which Auth.js reads.
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    conformIdTokenClaims: false,
    cookies: { keys: [randomBytes(32).toString("hex")] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => Promise.resolve(accountFor(sub)),
    // The portal is a first-party application: no consent screen, as a company's SSO would configure it.
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!ctx.oidc.client || !accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const oidc = provider.callback();

  server.on("request", (req, res) => {
    const login = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? "");
    if (!login) return oidc(req, res);
    const handle = login[2] && req.method === "POST" ? submitLogin : showLogin;
    handle(provider, req, res).catch((error: unknown) => {
      res.statusCode = 400;
      res.end(error instanceof Error ? error.message : "interaction failed");
    });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function accountFor(sub: string): Account | undefined {
  const identity = findTestIdentity(sub);
  // A disabled account is refused here too, so no token is ever issued for it (e.g. from an older session).
  if (!identity || identity.disabled) return undefined;
  return {
    accountId: identity.email,
    claims: () => ({ sub: identity.email, email: identity.email, email_verified: true, name: identity.name, groups: identity.groups }),
  };
}

async function showLogin(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const interaction = await provider.interactionDetails(req, res);
  sendHtml(res, 200, loginPage({ uid: interaction.uid }));
}

async function submitLogin(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const interaction = await provider.interactionDetails(req, res);
  const form = new URLSearchParams(await readBody(req));
  const email = form.get("email") ?? "";
  const identity = findTestIdentity(email);
  if (!identity || form.get("password") !== TEST_PASSWORD) {
    return sendHtml(res, 401, loginPage({ uid: interaction.uid, email, error: "Wrong email or password." }));
  }
  if (identity.disabled) {
    return sendHtml(res, 403, loginPage({ uid: interaction.uid, email, error: "This account is disabled. Contact your administrator." }));
  }
  await provider.interactionFinished(req, res, { login: { accountId: identity.email } }, { mergeWithLastSubmission: false });
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
