import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "@/lib/db/prisma-factory";
import { startSeededTestDatabase } from "@/lib/db/testing/seeded-test-database";

import { syncOidcUser } from "./sync-oidc-user";

let database: Awaited<ReturnType<typeof startSeededTestDatabase>>;
let prisma: PrismaClient;
beforeAll(async () => {
  process.env.AUTH_OIDC_ROLE_MAP = "msk-approvers=approver,msk-auditors=auditor";
  database = await startSeededTestDatabase();
  prisma = database.prisma;
});
afterAll(() => database.drop());

async function membershipSlugs(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: { include: { team: true } } } });
  return { roles: user.roles, teams: user.memberships.map((m) => m.team.slug).sort() };
}

const verified = { email_verified: true };

describe("signing in through the identity provider", () => {
  it("creates the user with the roles and teams its groups grant", async () => {
    const result = await syncOidcUser({ ...verified, email: "Frank@Example.com", name: "Frank", groups: ["msk-approvers", "team-payments", "team-streaming"] });
    expect(result.ok).toBe(true);
    expect(await membershipSlugs("frank@example.com")).toEqual({ roles: ["requester", "approver"], teams: ["payments", "streaming"] });
    expect(await prisma.auditEvent.count({ where: { action: "user.create", details: { path: ["email"], equals: "frank@example.com" } } })).toBe(1);
  });

  it("brings the mapped roles and teams in line with the groups at every sign-in, and audits what changed", async () => {
    const syncs = () => prisma.auditEvent.findMany({ where: { action: "user.sync", details: { path: ["email"], equals: "frank@example.com" } } });
    await syncOidcUser({ ...verified, email: "frank@example.com", name: "Frank", groups: "team-streaming" });
    expect(await membershipSlugs("frank@example.com")).toEqual({ roles: ["requester"], teams: ["streaming"] });
    expect((await syncs()).map((e) => e.details)).toEqual([
      { email: "frank@example.com", rolesAdded: [], rolesRemoved: ["approver"], teamsAdded: [], teamsRemoved: ["payments"] },
    ]);
    // The same groups again change nothing, and the audit says nothing more.
    await syncOidcUser({ ...verified, email: "frank@example.com", name: "Frank", groups: "team-streaming" });
    expect(await syncs()).toHaveLength(1);
  });

  it("keeps a role an administrator gave that the role map does not name", async () => {
    await prisma.user.update({ where: { email: "frank@example.com" }, data: { roles: ["requester", "admin"] } });
    await syncOidcUser({ ...verified, email: "frank@example.com", name: "Frank", groups: ["msk-auditors"] });
    expect((await membershipSlugs("frank@example.com")).roles).toEqual(["requester", "auditor", "admin"]);
  });

  it("attaches to a pre-registered record only with a verified e-mail address", async () => {
    const before = await prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" } });
    expect(await syncOidcUser({ email: "alice@example.com", groups: ["msk-approvers"] })).toEqual({ ok: false, code: "unverified-email" });
    expect(await syncOidcUser({ email: "alice@example.com", email_verified: false, groups: ["msk-approvers"] })).toEqual({ ok: false, code: "unverified-email" });
    expect(await prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" } })).toEqual(before);
    expect(await syncOidcUser({ email: "alice@example.com", email_verified: "true", name: "Alice" })).toEqual({ ok: true, userId: before.id });
  });

  it("creates nobody from an unverified e-mail address", async () => {
    expect(await syncOidcUser({ email: "new@example.com", groups: ["msk-approvers"] })).toEqual({ ok: false, code: "unverified-email" });
    expect(await prisma.user.findUnique({ where: { email: "new@example.com" } })).toBeNull();
  });

  it("refuses a deactivated person and changes nothing", async () => {
    await prisma.user.update({ where: { email: "frank@example.com" }, data: { deactivatedAt: new Date() } });
    const before = await membershipSlugs("frank@example.com");
    expect(await syncOidcUser({ ...verified, email: "frank@example.com", groups: ["msk-approvers"] })).toEqual({ ok: false, code: "deactivated" });
    expect(await membershipSlugs("frank@example.com")).toEqual(before);
  });

  it("refuses a profile without an email", async () => {
    expect(await syncOidcUser({ name: "nobody" })).toEqual({ ok: false, code: "no-email" });
  });
});
