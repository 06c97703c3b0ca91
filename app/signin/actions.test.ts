import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { startSeededTestDatabase } from "@/lib/db/testing/seeded-test-database";

// Auth.js's signIn ends in a redirect that only Next can carry out; here it records that it was reached.
const signIn = vi.fn<(...args: unknown[]) => Promise<undefined>>(() => Promise.resolve(undefined));
vi.mock("@/lib/auth/auth", () => ({ signIn: (...args: unknown[]) => signIn(...args), signOut: () => undefined }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
// The request's headers name the client address the limit counts by.
let address = "198.51.100.1";
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(new Headers({ "x-forwarded-for": address })) }));

// config() reads the environment once per file: a development server offering both sign-ins, with a low limit.
const LIMIT = 2;
vi.stubEnv("NODE_ENV", "development");
vi.stubEnv("DEV_SIGN_IN", "1");
vi.stubEnv("AUTH_OIDC_ISSUER", "https://idp.example.com");
vi.stubEnv("AUTH_OIDC_CLIENT_ID", "portal");
vi.stubEnv("AUTH_OIDC_CLIENT_SECRET", "not-a-real-secret");
vi.stubEnv("RATE_LIMIT_SIGN_IN_PER_ADDRESS", String(LIMIT));
const { signInAsDevUser, signInWithSso } = await import("./actions");

let database: Awaited<ReturnType<typeof startSeededTestDatabase>>;
beforeAll(async () => {
  database = await startSeededTestDatabase();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await database?.drop();
});

const form = (email: string) => {
  const data = new FormData();
  data.set("email", email);
  return data;
};

describe("sign-in refused by the per-address limit", () => {
  it("single sign-on says so and when to try again instead of doing nothing", async () => {
    address = "198.51.100.1";
    signIn.mockClear();
    for (let i = 0; i < LIMIT; i++) expect(await signInWithSso()).toBeNull();
    expect(signIn).toHaveBeenCalledTimes(LIMIT);
    const refused = await signInWithSso();
    expect(refused?.message).toMatch(/^Too many sign-in attempts from this address\. Try again in \d+ seconds?\.$/);
    expect(signIn).toHaveBeenCalledTimes(LIMIT);
  });

  it("the development sign-in likewise, counted per address", async () => {
    address = "198.51.100.2";
    signIn.mockClear();
    for (let i = 0; i < LIMIT; i++) expect(await signInAsDevUser(null, form("alice@example.com"))).toBeNull();
    expect((await signInAsDevUser(null, form("alice@example.com")))?.message).toMatch(/^Too many sign-in attempts from this address\./);
    expect(signIn).toHaveBeenCalledTimes(LIMIT);
  });
});
