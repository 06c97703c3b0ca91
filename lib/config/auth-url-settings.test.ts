import { describe, expect, it } from "vitest";

import { authUrlSettings } from "./auth-url-settings";
import { parseEnv } from "./env";

const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), DATABASE_URL: "postgresql://db/portal" };

describe("authUrlSettings", () => {
  it.each<[string, Record<string, string>, { trustHost: boolean; useSecureCookies?: boolean }]>([
    ["development trusts the Host header", { NODE_ENV: "development" }, { trustHost: true }],
    ["production behind a TLS proxy, public URL set", { ...production, AUTH_URL: "https://portal.example.com" }, { trustHost: true, useSecureCookies: true }],
    ["production on plain http (a local build)", { ...production, AUTH_URL: "http://127.0.0.1:3000" }, { trustHost: true, useSecureCookies: false }],
    ["production trusting a proxy's Host header", { ...production, AUTH_TRUST_HOST: "1" }, { trustHost: true }],
    ["production with the Host header refused explicitly", { ...production, AUTH_URL: "https://portal.example.com", AUTH_TRUST_HOST: "0" }, { trustHost: false, useSecureCookies: true }],
  ])("%s", (_name, source, expected) => {
    expect(authUrlSettings(parseEnv(source))).toEqual(expected);
  });

  it("production refuses to start without a public URL or an explicit trust of the Host header", () => {
    expect(() => parseEnv(production)).toThrow(/AUTH_URL: is required in production/);
  });
});
