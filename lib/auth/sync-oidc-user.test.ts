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

describe("signing in through the identity provider", () => {
  it("creates the user with the roles and teams its groups grant", async () => {
    const id = await syncOidcUser({ email: "Frank@Example.com", name: "Frank", groups: ["msk-approvers", "team-payments", "team-streaming"] });
    expect(id).toBeTruthy();
    expect(await membershipSlugs("frank@example.com")).toEqual({ roles: ["requester", "approver"], teams: ["payments", "streaming"] });
  });

  it("brings roles and teams in line with the groups at every sign-in", async () => {
    await syncOidcUser({ email: "frank@example.com", name: "Frank", groups: "team-streaming" });
    expect(await membershipSlugs("frank@example.com")).toEqual({ roles: ["requester"], teams: ["streaming"] });
  });

  it("ignores a profile without an email", async () => {
    expect(await syncOidcUser({ name: "nobody" })).toBeNull();
  });
});
