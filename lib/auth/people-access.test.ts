import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFromBearer } from "./api-token";
import { idpManagement, NOTHING_MANAGED } from "@/lib/domain/people/idp-managed";

import type { PrismaClient } from "@/lib/db/prisma-factory";
import { openSession } from "@/lib/db/sessions/open-session";
import { resolveSession } from "@/lib/db/sessions/resolve-session";
import { startSeededTestDatabase } from "@/lib/db/testing/seeded-test-database";
import { createToken } from "@/lib/db/tokens/create-token";
import { registerPerson } from "@/lib/db/people/register-person";
import { deactivatePerson, reactivatePerson } from "@/lib/db/people/set-person-active";
import { updatePerson } from "@/lib/db/people/update-person";

let database: Awaited<ReturnType<typeof startSeededTestDatabase>>;
let prisma: PrismaClient;
let erin: { kind: "user"; userId: string; label: string };
beforeAll(async () => {
  database = await startSeededTestDatabase();
  prisma = database.prisma;
  const row = await prisma.user.findUniqueOrThrow({ where: { email: "erin@example.com" } });
  erin = { kind: "user", userId: row.id, label: row.email };
});
afterAll(() => database.drop());

const limits = { idleMinutes: 60 };
const audits = (action: string, userId: string) => prisma.auditEvent.count({ where: { action, resourceIds: { has: userId } } });

describe("people administration", () => {
  it("pre-registers a person with roles and teams, and refuses a second record for the same e-mail", async () => {
    const payments = await prisma.team.findUniqueOrThrow({ where: { slug: "payments" } });
    const id = await registerPerson(erin, { email: "gina@example.com", name: "", roles: ["approver"], teamIds: [payments.id] }, NOTHING_MANAGED);
    const gina = await prisma.user.findUniqueOrThrow({ where: { id }, include: { memberships: true } });
    expect({ roles: gina.roles, teams: gina.memberships.map((m) => m.teamId), name: gina.name }).toEqual({ roles: ["approver"], teams: [payments.id], name: "gina@example.com" });
    expect(await audits("user.create", id)).toBe(1);
    await expect(registerPerson(erin, { email: "gina@example.com", name: "", roles: [], teamIds: [] }, NOTHING_MANAGED)).rejects.toMatchObject({ fieldErrors: { email: [expect.stringMatching(/already registered/)] } });
  });

  it("refuses an unknown team at the teams field and changes nothing", async () => {
    const before = await prisma.user.count();
    await expect(registerPerson(erin, { email: "hal@example.com", name: "", roles: [], teamIds: ["no-such-team"] }, NOTHING_MANAGED)).rejects.toMatchObject({ fieldErrors: { teamIds: [expect.stringMatching(/Unknown team/)] } });
    expect(await prisma.user.count()).toBe(before);
  });

  it("ends every session of a person whose roles change, and leaves roles the provider manages alone", async () => {
    const bob = await prisma.user.findUniqueOrThrow({ where: { email: "bob@example.com" } });
    const session = await openSession(prisma, bob.id, 12);
    await updatePerson(erin, { userId: bob.id, roles: ["auditor"], teamIds: [] }, idpManagement(true, ["approver"]));
    expect((await prisma.user.findUniqueOrThrow({ where: { id: bob.id } })).roles).toEqual(["approver", "auditor"]);
    expect(await resolveSession(prisma, session.id, limits)).toBeNull();
    expect(await audits("user.update", bob.id)).toBe(1);
  });

  it("keeps the last active administrator: no self-demotion, no self-deactivation", async () => {
    await expect(updatePerson(erin, { userId: erin.userId, roles: ["requester"], teamIds: [] }, NOTHING_MANAGED)).rejects.toThrow(/only active administrator/);
    await expect(deactivatePerson(erin, erin.userId)).rejects.toThrow(/only active administrator/);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: erin.userId } })).roles).toEqual(["admin"]);
  });

  it("lets one of two administrators step down", async () => {
    const dana = await prisma.user.findUniqueOrThrow({ where: { email: "dana@example.com" } });
    await updatePerson(erin, { userId: dana.id, roles: ["auditor", "admin"], teamIds: [] }, NOTHING_MANAGED);
    await updatePerson(erin, { userId: erin.userId, roles: ["requester"], teamIds: [] }, NOTHING_MANAGED);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: erin.userId } })).roles).toEqual(["requester"]);
    await prisma.user.update({ where: { id: erin.userId }, data: { roles: ["admin"] } });
  });

  it("stops a deactivated person's sessions and tokens at once; reactivating gives back sign-in only", async () => {
    const alice = await prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" } });
    const session = await openSession(prisma, alice.id, 12);
    const { token } = await createToken(prisma, alice, "alice ci", { scope: "read" });
    expect(await callerFromBearer(`Bearer ${token}`)).toMatchObject({ scope: "read", user: { id: alice.id } });
    await deactivatePerson(erin, alice.id);
    expect(await resolveSession(prisma, session.id, limits)).toBeNull();
    expect(await callerFromBearer(`Bearer ${token}`)).toBeNull();
    expect(await audits("user.deactivate", alice.id)).toBe(1);
    await reactivatePerson(erin, alice.id);
    expect(await callerFromBearer(`Bearer ${token}`)).toBeNull();
    expect(await audits("user.reactivate", alice.id)).toBe(1);
  });

  it("refuses a live token whose owner is deactivated even before it is revoked", async () => {
    const carol = await prisma.user.findUniqueOrThrow({ where: { email: "carol@example.com" } });
    const { token, expiresAt } = await createToken(prisma, carol, "carol ci");
    expect(expiresAt?.getTime()).toBeGreaterThan(Date.now() + 89 * 24 * 3_600_000);
    await prisma.user.update({ where: { id: carol.id }, data: { deactivatedAt: new Date() } });
    expect(await callerFromBearer(`Bearer ${token}`)).toBeNull();
  });
});
