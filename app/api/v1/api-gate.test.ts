import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createToken } from "@/lib/db/tokens/create-token";
import { startSeededTestDatabase } from "@/lib/db/testing/seeded-test-database";
import type { PrismaClient } from "@/lib/db/prisma-factory";
import type { TokenScope } from "@/lib/domain/people/token-scope";
import { MAX_JSON_BODY_BYTES } from "@/lib/http/read-limited-body";
import { captureLogLines } from "@/lib/log/testing/log-lines";

// The API authenticates by bearer token only; Auth.js's session module needs a Next request to load.
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(null) }));

// config() reads the environment once per test file, so the low limit is set before any route is loaded.
const PER_TOKEN = 4;
process.env.RATE_LIMIT_API_PER_TOKEN = String(PER_TOKEN);
const requests = await import("./requests/route");
const cancel = await import("./requests/[id]/cancel/route");
const audit = await import("./audit/route");

let database: Awaited<ReturnType<typeof startSeededTestDatabase>>;
let prisma: PrismaClient;
beforeAll(async () => {
  database = await startSeededTestDatabase();
  prisma = database.prisma;
});
afterAll(() => database?.drop());

// Each test takes its own token so that no test spends another's rate limit.
async function tokenFor(email: string, scope: TokenScope = "write"): Promise<string> {
  const owner = await prisma.user.findUniqueOrThrow({ where: { email } });
  return (await createToken(prisma, owner, `gate test ${scope}`, { scope })).token;
}

type Init = { method?: string; token?: string; body?: BodyInit; headers?: Record<string, string> };
const request = (path: string, init: Init = {}) =>
  new Request(`http://portal.test${path}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
    body: init.body,
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
const noParams = { params: Promise.resolve({}) };

/** A body larger than the limit, sent in 64 KB chunks with no length announced, as a chunked upload is. */
function streamedBody(bytes: number): { body: ReadableStream<Uint8Array>; sent: () => number } {
  const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, sent: () => sent };
}

async function expectNoStore(response: Response, status: number): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return (await response.json()) as Record<string, unknown>;
}

describe("the JSON API gate on the v1 routes", () => {
  it("refuses a body over 1 MB with 413, whether its length is announced or it is streamed", async () => {
    const token = await tokenFor("alice@example.com");
    const declared = streamedBody(2 * MAX_JSON_BODY_BYTES);
    const announced = request("/api/v1/requests", { method: "POST", token, body: declared.body, headers: { "content-length": String(2 * MAX_JSON_BODY_BYTES) } });
    expect(await expectNoStore(await requests.POST(announced, noParams), 413)).toMatchObject({ error: "payload-too-large" });
    // Refused on the announced length, before reading more than the chunk the stream buffers on its own.
    expect(declared.sent()).toBeLessThanOrEqual(64 * 1024);

    const stream = streamedBody(8 * MAX_JSON_BODY_BYTES);
    const streamed = request("/api/v1/requests/some-id/cancel", { method: "POST", token, body: stream.body });
    expect(streamed.headers.get("content-length")).toBeNull();
    expect(await expectNoStore(await cancel.POST(streamed, { params: Promise.resolve({ id: "some-id" }) }), 413)).toMatchObject({ error: "payload-too-large" });
    // Abandoned once past the limit, not read to the end first.
    expect(stream.sent()).toBeLessThan(2 * MAX_JSON_BODY_BYTES);
  });

  it("names an unknown field in a 400", async () => {
    const token = await tokenFor("alice@example.com");
    const filed = await requests.POST(request("/api/v1/requests", { method: "POST", token, body: JSON.stringify({ justfication: "typo" }) }), noParams);
    expect((await expectNoStore(filed, 400)).fields).toMatchObject({ justfication: ["Unknown field: remove it"] });
    const cancelled = await cancel.POST(request("/api/v1/requests/x/cancel", { method: "POST", token, body: JSON.stringify({ coment: "typo" }) }), { params: Promise.resolve({ id: "x" }) });
    expect((await expectNoStore(cancelled, 400)).fields).toMatchObject({ coment: ["Unknown field: remove it"] });
  });

  it("lets a read-only token read and refuses it every write", async () => {
    const token = await tokenFor("alice@example.com", "read");
    expect(await expectNoStore(await requests.GET(request("/api/v1/requests", { token }), noParams), 200)).toHaveProperty("requests");
    const filed = await requests.POST(request("/api/v1/requests", { method: "POST", token, body: "{}" }), noParams);
    expect(await expectNoStore(filed, 403)).toMatchObject({ error: "forbidden", message: expect.stringContaining("read-only") });
    const cancelled = await cancel.POST(request("/api/v1/requests/x/cancel", { method: "POST", token, body: "{}" }), { params: Promise.resolve({ id: "x" }) });
    expect(await expectNoStore(cancelled, 403)).toMatchObject({ error: "forbidden" });
  });

  it("answers 401 and the policy's 403 without caching them either", async () => {
    expect(await expectNoStore(await audit.GET(request("/api/v1/audit"), noParams), 401)).toMatchObject({ error: "unauthenticated" });
    const requester = await tokenFor("alice@example.com");
    expect(await expectNoStore(await audit.GET(request("/api/v1/audit", { token: requester }), noParams), 403)).toMatchObject({ error: "forbidden" });
  });

  it("answers an unexpected failure with 500, uncached", async () => {
    const token = await tokenFor("alice@example.com");
    const log = captureLogLines();
    await prisma.$executeRawUnsafe(`ALTER TABLE "AccessRequest" RENAME TO "AccessRequestAway"`);
    try {
      const body = await expectNoStore(await requests.GET(request("/api/v1/requests", { token }), noParams), 500);
      expect(body).toMatchObject({ error: "internal" });
      expect(log.lines().some((line) => line.reference === body.reference)).toBe(true);
    } finally {
      log.stop();
      await prisma.$executeRawUnsafe(`ALTER TABLE "AccessRequestAway" RENAME TO "AccessRequest"`);
    }
  });

  it("answers 429 with Retry-After once a token passes its limit per minute", async () => {
    const token = await tokenFor("alice@example.com", "read");
    const statuses: number[] = [];
    let refused: Response | undefined;
    // A minute boundary may reset the window once while this runs, so up to twice the limit may pass.
    for (let i = 0; i <= 2 * PER_TOKEN && !refused; i++) {
      const response = await requests.GET(request("/api/v1/requests", { token }), noParams);
      statuses.push(response.status);
      if (response.status === 429) refused = response;
    }
    expect(statuses.slice(0, PER_TOKEN)).toEqual(Array(PER_TOKEN).fill(200));
    if (!refused) throw new Error(`never refused: ${statuses.join(", ")}`);
    expect(await expectNoStore(refused, 429)).toMatchObject({ error: "too-many-requests" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // Another token of the same person has its own count.
    expect((await requests.GET(request("/api/v1/requests", { token: await tokenFor("alice@example.com", "read") }), noParams)).status).toBe(200);
  });
});
