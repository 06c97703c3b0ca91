import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "../prisma-factory";
import { startSeededTestDatabase } from "../testing/seeded-test-database";
import { openSession } from "./open-session";
import { resolveSession } from "./resolve-session";
import { revokeSession, revokeUserSessions } from "./revoke-sessions";

let database: Awaited<ReturnType<typeof startSeededTestDatabase>>;
let prisma: PrismaClient;
let aliceId: string;
beforeAll(async () => {
  database = await startSeededTestDatabase();
  prisma = database.prisma;
  aliceId = (await prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" } })).id;
});
afterAll(() => database.drop());

const signedIn = new Date("2026-12-02T08:00:00Z");
const later = (minutes: number) => new Date(signedIn.getTime() + minutes * 60_000);
const limits = { idleMinutes: 60 };

describe("resolveSession", () => {
  it("lets a live session in and touches it at most once a minute", async () => {
    const session = await openSession(prisma, aliceId, 12, signedIn);
    expect(await resolveSession(prisma, session.id, limits, later(0.5))).toBe(aliceId);
    expect((await prisma.userSession.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt).toEqual(signedIn);
    expect(await resolveSession(prisma, session.id, limits, later(30))).toBe(aliceId);
    expect((await prisma.userSession.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt).toEqual(later(30));
  });

  it("refuses a session idle longer than the timeout, though it was fine before", async () => {
    const session = await openSession(prisma, aliceId, 12, signedIn);
    expect(await resolveSession(prisma, session.id, limits, later(59))).toBe(aliceId);
    expect(await resolveSession(prisma, session.id, limits, later(59 + 61))).toBeNull();
  });

  it("refuses a session past its absolute end however active it was", async () => {
    const session = await openSession(prisma, aliceId, 2, signedIn);
    for (const minute of [30, 60, 90, 119]) expect(await resolveSession(prisma, session.id, limits, later(minute))).toBe(aliceId);
    expect(await resolveSession(prisma, session.id, limits, later(120))).toBeNull();
  });

  it("refuses a revoked session (sign-out) and every session of a person at once", async () => {
    const now = new Date();
    const one = await openSession(prisma, aliceId, 12, now);
    const two = await openSession(prisma, aliceId, 12, now);
    expect(await revokeSession(prisma, one.id)).toBe(true);
    expect(await resolveSession(prisma, one.id, limits)).toBeNull();
    expect(await resolveSession(prisma, two.id, limits)).toBe(aliceId);
    expect(await revokeUserSessions(prisma, aliceId)).toBeGreaterThanOrEqual(1);
    expect(await resolveSession(prisma, two.id, limits)).toBeNull();
  });

  it("refuses the session of a deactivated person, and an unknown session id", async () => {
    const dana = await prisma.user.findUniqueOrThrow({ where: { email: "dana@example.com" } });
    const session = await openSession(prisma, dana.id, 12);
    expect(await resolveSession(prisma, session.id, limits)).toBe(dana.id);
    await prisma.user.update({ where: { id: dana.id }, data: { deactivatedAt: new Date() } });
    expect(await resolveSession(prisma, session.id, limits)).toBeNull();
    expect(await resolveSession(prisma, "no-such-session", limits)).toBeNull();
  });
});
