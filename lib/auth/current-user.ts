import "server-only";

import { cache } from "react";

import { db } from "@/lib/db/client";
import { personOf, type Person } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";

import { auth } from "./auth";

export type PortalUser = {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  teams: { id: string; slug: string; name: string }[];
  teamIds: string[];
};

export async function loadPortalUser(userId: string): Promise<PortalUser | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    include: { memberships: { include: { team: true }, orderBy: { team: { slug: "asc" } } } },
  });
  if (!user) return null;
  const teams = user.memberships.map((m) => ({ id: m.team.id, slug: m.team.slug, name: m.team.name }));
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, teams, teamIds: teams.map((t) => t.id) };
}

// Once per request: React's cache() shares the result between the layout, the page and its components.
export const currentUser = cache(async (): Promise<PortalUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? loadPortalUser(id) : null;
});

export function actorOf(user: PortalUser): Person {
  return personOf(user);
}
