import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { actionResult } from "./action-state";
import { apiRoute } from "./api-route";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createToken } from "@/lib/db/tokens/create-token";
import { createPrismaClient, type PrismaClient } from "@/lib/db/prisma-factory";
import { seedDatabase } from "@/prisma/seed/seed-database";

import { captureLogLines } from "@/lib/log/testing/log-lines";

// Auth.js's session lives in a cookie only a Next request has; API calls here use bearer tokens, which are real.
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(null) }));

let database: TestDatabase;
let prisma: PrismaClient;
let token: string;
beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  prisma = createPrismaClient(database.url, 2);
  await seedDatabase(prisma);
  const someone = await prisma.user.findFirstOrThrow({ orderBy: { email: "asc" } });
  token = (await createToken(prisma, someone, "reference test")).token;
});
afterAll(async () => {
  await prisma?.$disconnect();
  await (globalThis as { portalPrisma?: PrismaClient }).portalPrisma?.$disconnect();
  await database?.drop();
});

let capture: ReturnType<typeof captureLogLines>;
afterEach(() => capture.stop());

const failure = () => new Error("relation \"secret_table\" does not exist");

describe("an unexpected failure reaches the browser only as a reference that the log line carries", () => {
  it("API route: the 500 body's reference is the logged error's, with the caller's request id", async () => {
    const route = apiRoute(null, () => Promise.reject(failure()));
    capture = captureLogLines();
    const response = await route(
      new Request("http://portal.test/api/v1/requests", { headers: { authorization: `Bearer ${token}`, "x-request-id": "req-from-the-balancer-1" } }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(500);
    expect(response.headers.get("x-request-id")).toBe("req-from-the-balancer-1");
    const body = (await response.json()) as { error: string; message: string; reference: string };
    expect(body.error).toBe("internal");
    expect(JSON.stringify(body)).not.toContain("secret_table");
    expect(body.message).toContain(body.reference);

    const logged = capture.lines().filter((line) => line.reference === body.reference);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: "error", requestId: "req-from-the-balancer-1", err: { message: failure().message } });
  });

  it("server action: the state's reference is the logged error's", async () => {
    capture = captureLogLines();
    const state = await actionResult(() => Promise.reject(failure()));
    expect(state?.ok).toBe(false);
    const reference = state && !state.ok ? state.reference : undefined;
    expect(reference).toMatch(/^[0-9a-f]{12}$/);
    expect(state?.message).not.toContain("secret_table");
    expect(state?.message).toContain(reference);
    const logged = capture.lines().find((line) => line.reference === reference);
    expect(logged).toMatchObject({ level: "error", msg: "server action failed", err: { message: failure().message } });
    expect(typeof logged?.requestId).toBe("string");
  });
});
