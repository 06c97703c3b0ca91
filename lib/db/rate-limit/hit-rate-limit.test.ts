import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPrismaClient, type PrismaClient } from "../prisma-factory";
import { createTestDatabase, type TestDatabase } from "../test-database";
import { hitRateLimit } from "./hit-rate-limit";

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrismaClient(database.url, 20);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

const minute = { limit: 5, windowSeconds: 60 };
const at = (iso: string) => new Date(iso);

describe("hitRateLimit", () => {
  it("allows the limit in a window, then refuses with the seconds until the next one", async () => {
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push(await hitRateLimit(prisma, "sequential", minute, at("2026-12-02T10:00:15Z")));
    expect(outcomes.slice(0, 5).every((o) => o.allowed)).toBe(true);
    expect(outcomes[5]).toEqual({ allowed: false, retryAfterSeconds: 45 });
  });

  it("starts again in the next window and sweeps the ones that ended", async () => {
    for (let i = 0; i < 6; i++) await hitRateLimit(prisma, "windows", minute, at("2026-12-02T11:00:59Z"));
    expect(await hitRateLimit(prisma, "windows", minute, at("2026-12-02T11:01:00Z"))).toEqual({ allowed: true });
    const rows = await prisma.rateLimit.findMany({ where: { key: "windows" } });
    expect(rows.map((r) => [r.windowStart.toISOString(), r.count])).toEqual([["2026-12-02T11:01:00.000Z", 1]]);
  });

  it("keeps keys apart", async () => {
    for (let i = 0; i < 5; i++) await hitRateLimit(prisma, "busy", minute, at("2026-12-02T12:00:00Z"));
    expect((await hitRateLimit(prisma, "busy", minute, at("2026-12-02T12:00:00Z"))).allowed).toBe(false);
    expect((await hitRateLimit(prisma, "quiet", minute, at("2026-12-02T12:00:00Z"))).allowed).toBe(true);
  });

  it("counts concurrent hits from many connections exactly", async () => {
    const now = at("2026-12-02T13:00:00Z");
    const rule = { limit: 30, windowSeconds: 60 };
    const outcomes = await Promise.all(Array.from({ length: 100 }, () => hitRateLimit(prisma, "concurrent", rule, now)));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(30);
    const row = await prisma.rateLimit.findFirstOrThrow({ where: { key: "concurrent" } });
    expect(row.count).toBe(100);
  });

  it("a limit of 0 is off", async () => {
    expect(await hitRateLimit(prisma, "off", { limit: 0, windowSeconds: 60 })).toEqual({ allowed: true });
    expect(await prisma.rateLimit.count({ where: { key: "off" } })).toBe(0);
  });
});
