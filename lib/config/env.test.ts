import { describe, expect, it } from "vitest";

import { devSignInAllowed, parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs on a fresh machine with nothing configured", () => {
    expect(parseEnv({})).toMatchObject({
      NODE_ENV: "development",
      AWS_REGION: "us-east-1",
      PORT: 3000,
      SANDBOX_PORT: 4566,
      PROVISIONER_WAIT_DEADLINE_MINUTES: 240,
      SESSION_MAX_AGE_HOURS: 12,
      SESSION_IDLE_MINUTES: 60,
    });
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL: must be a postgresql:// URL"],
    [{ AWS_REGION: "virginia" }, "AWS_REGION: must be a region code like us-east-1"],
    [{ AUTH_OIDC_ISSUER: "https://idp.example.com" }, "AUTH_OIDC_ISSUER: AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET go together"],
    [{ SANDBOX_PORT: "99999" }, "SANDBOX_PORT"],
    [{ DEV_SIGN_IN: "maybe" }, "DEV_SIGN_IN"],
    [{ PROVISIONER_WAIT_DEADLINE_MINUTES: "0" }, "PROVISIONER_WAIT_DEADLINE_MINUTES"],
    [{ SESSION_MAX_AGE_HOURS: "0" }, "SESSION_MAX_AGE_HOURS"],
    [{ SESSION_MAX_AGE_HOURS: "1", SESSION_IDLE_MINUTES: "90" }, "SESSION_IDLE_MINUTES: cannot be longer than SESSION_MAX_AGE_HOURS"],
    [{ WORKER_METRICS_PORT: "9464" }, "WORKER_METRICS_PORT: needs METRICS_TOKEN"],
    [{ WORKER_METRICS_PORT: "0", METRICS_TOKEN: "a-scrape-token-of-16+" }, "WORKER_METRICS_PORT"],
  ])("names the variable that is wrong: %j", (env, message) => {
    expect(() => parseEnv(env)).toThrow(message);
  });

  it("refuses to start in production with the development sign-in on, or without a secret and database", () => {
    const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), DATABASE_URL: "postgresql://db/portal", AUTH_URL: "https://portal.example.com" };
    expect(() => parseEnv({ ...production, DEV_SIGN_IN: "true" })).toThrow("DEV_SIGN_IN: the development sign-in cannot be on in production");
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: is required in production[\s\S]*DATABASE_URL: is required/);
    expect(parseEnv(production).DEV_SIGN_IN).toBeUndefined();
  });

  it("treats a production build as production whatever NODE_ENV it is started with", () => {
    const settings = { AUTH_SECRET: "x".repeat(32), DATABASE_URL: "postgresql://db/portal", AUTH_URL: "https://portal.example.com" };
    for (const NODE_ENV of ["test", "development", undefined]) {
      expect(() => parseEnv({ NODE_ENV }, { productionBuild: true })).toThrow(
        /AUTH_SECRET: is required in production[\s\S]*DATABASE_URL: is required/,
      );
      expect(() =>
        parseEnv({ NODE_ENV, DEV_SIGN_IN: "1", ...settings }, { productionBuild: true }),
      ).toThrow("DEV_SIGN_IN: the development sign-in cannot be on in production");
    }
    const started = parseEnv({ NODE_ENV: "test", ...settings }, { productionBuild: true });
    expect(started.NODE_ENV).toBe("production");
    expect(devSignInAllowed(started)).toBe(false);
  });

  it.each([
    [{ NODE_ENV: "development", DEV_SIGN_IN: "1" }, true],
    [{ NODE_ENV: "development", DEV_SIGN_IN: "0" }, false],
    [{ NODE_ENV: "development" }, false],
    [{}, false],
    [{ NODE_ENV: "test", DEV_SIGN_IN: "1" }, false],
    [{ NODE_ENV: "test" }, false],
  ])("offers the development sign-in only on a development server that asks for it: %j", (env, allowed) => {
    expect(devSignInAllowed(parseEnv(env))).toBe(allowed);
  });

  it("treats empty values as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", AWS_REGION: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AWS_REGION).toBe("us-east-1");
  });
});
