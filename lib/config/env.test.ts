import { describe, expect, it } from "vitest";

import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs on a fresh machine with nothing configured", () => {
    expect(parseEnv({})).toMatchObject({
      NODE_ENV: "development",
      AWS_REGION: "us-east-1",
      PORT: 3000,
      SANDBOX_PORT: 4566,
      PROVISIONER_WAIT_DEADLINE_MINUTES: 240,
    });
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL: must be a postgresql:// URL"],
    [{ AWS_REGION: "virginia" }, "AWS_REGION: must be a region code like us-east-1"],
    [{ AUTH_OIDC_ISSUER: "https://idp.example.com" }, "AUTH_OIDC_ISSUER: AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET go together"],
    [{ SANDBOX_PORT: "99999" }, "SANDBOX_PORT"],
    [{ DEV_SIGN_IN: "maybe" }, "DEV_SIGN_IN"],
    [{ PROVISIONER_WAIT_DEADLINE_MINUTES: "0" }, "PROVISIONER_WAIT_DEADLINE_MINUTES"],
  ])("names the variable that is wrong: %j", (env, message) => {
    expect(() => parseEnv(env)).toThrow(message);
  });

  it("refuses to start in production with the development sign-in on, or without a secret and database", () => {
    const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), DATABASE_URL: "postgresql://db/portal" };
    expect(() => parseEnv({ ...production, DEV_SIGN_IN: "true" })).toThrow("DEV_SIGN_IN: the development sign-in cannot be on in production");
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: is required in production[\s\S]*DATABASE_URL: is required/);
    expect(parseEnv(production).DEV_SIGN_IN).toBeUndefined();
  });

  it("treats empty values as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", AWS_REGION: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AWS_REGION).toBe("us-east-1");
  });
});
