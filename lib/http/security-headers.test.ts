import { readdirSync } from "node:fs";
import path from "node:path";

import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

// Every page and API route the app has, found on disk so a new one is covered without editing this test.
function appRoutes(dir = path.join(process.cwd(), "app"), prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_") || entry.name === "testing") return [];
      const segment = entry.name.startsWith("(") ? "" : `/${entry.name.replace(/^\[\.\.\.(.+)\]$/, "signin").replace(/^\[(.+)\]$/, "example")}`;
      return appRoutes(path.join(dir, entry.name), prefix + segment);
    }
    return /^(page|route)\.tsx?$/.test(entry.name) ? [prefix || "/"] : [];
  });
}

const routes = appRoutes();

async function headersFor(route: string, env: Record<string, string>, at = "https://portal.example.com", headers: Record<string, string> = {}) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { proxy: fresh } = await import("@/proxy");
  const response = fresh(new NextRequest(new URL(route, at), { headers }));
  return response.headers;
}

afterEach(() => vi.unstubAllEnvs());

const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), DATABASE_URL: "postgresql://db/portal", AUTH_URL: "https://portal.example.com" };

describe("security headers from the proxy", () => {
  it("finds the app's routes", () => {
    expect(routes).toEqual(expect.arrayContaining(["/", "/requests", "/requests/new", "/requests/example", "/audit", "/api/v1/requests", "/signin"]));
  });

  it.each(routes)("production %s", async (route) => {
    const headers = await headersFor(route, production);
    const csp = headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(headers.get("strict-transport-security")).toMatch(/max-age=\d{8}/);
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    // Next reads the nonce from the policy on the request it renders.
    expect(headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    if (route.startsWith("/api/")) expect(headers.get("cache-control")).toBe("no-store");
  });

  it("a fresh nonce per request", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) nonces.add(/'nonce-([^']+)'/.exec((await headersFor("/requests", production)).get("content-security-policy") ?? "")?.[1] ?? "");
    expect(nonces.size).toBe(5);
  });

  it("lets the SSO form go to the identity provider", async () => {
    const headers = await headersFor("/signin", { ...production, AUTH_OIDC_ISSUER: "https://id.example.com/realms/x", AUTH_OIDC_CLIENT_ID: "p", AUTH_OIDC_CLIENT_SECRET: "s" });
    expect(headers.get("content-security-policy")).toContain("form-action 'self' https://id.example.com;");
  });

  it("asks browsers to upgrade to https only when the portal is served over https", async () => {
    const https = (await headersFor("/requests", production)).get("content-security-policy") ?? "";
    expect(https).toContain("upgrade-insecure-requests");
    const plain = { ...production, AUTH_URL: "http://portal.internal:3000" };
    const headers = await headersFor("/requests", plain, "http://portal.internal:3000");
    expect(headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
    expect(headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
    expect(headers.get("strict-transport-security")).toBeNull();
  });

  it("without a public URL, reads the scheme a TLS-terminating proxy reports", async () => {
    const env = { NODE_ENV: "production", AUTH_SECRET: production.AUTH_SECRET, DATABASE_URL: production.DATABASE_URL, AUTH_TRUST_HOST: "true" };
    const behindTls = await headersFor("/requests", env, "http://10.0.0.5:3000", { "x-forwarded-proto": "https" });
    expect(behindTls.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const plain = await headersFor("/requests", env, "http://10.0.0.5:3000");
    expect(plain.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });

  it.each(routes)("development %s keeps framing refused without blocking next dev", async (route) => {
    const headers = await headersFor(route, { NODE_ENV: "development" });
    expect(headers.get("content-security-policy")).toBe("frame-ancestors 'none'; object-src 'none'; base-uri 'self'");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("strict-transport-security")).toBeNull();
  });
});
