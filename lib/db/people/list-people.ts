import "server-only";

import { db } from "../client";

/** Everybody with roles, teams and when they were last seen in a browser (newest session activity). */
export async function listPeople() {
  const users = await db().user.findMany({
    orderBy: { email: "asc" },
    select: {
      id: true,
      email: true,
      name: true,
      roles: true,
      deactivatedAt: true,
      memberships: { select: { team: { select: { id: true, name: true } } }, orderBy: { team: { slug: "asc" } } },
      sessions: { select: { lastSeenAt: true }, orderBy: { lastSeenAt: "desc" }, take: 1 },
    },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    deactivatedAt: u.deactivatedAt,
    teams: u.memberships.map((m) => m.team),
    lastSeenAt: u.sessions[0]?.lastSeenAt ?? null,
  }));
}
export type PersonRow = Awaited<ReturnType<typeof listPeople>>[number];
