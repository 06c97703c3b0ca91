import "server-only";

import { db } from "@/lib/db/client";
import type { Role } from "@/lib/domain/roles";

// Apart from current-user.ts so that the API token path does not load Auth.js.
export type PortalUser = {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  teams: { id: string; slug: string; name: string }[];
  teamIds: string[];
};

/** The person as the portal acts for them now; null when there is no such person or they are deactivated. */
export async function loadPortalUser(userId: string): Promise<PortalUser | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    include: { memberships: { include: { team: true }, orderBy: { team: { slug: "asc" } } } },
  });
  if (!user || user.deactivatedAt) return null;
  const teams = user.memberships.map((m) => ({ id: m.team.id, slug: m.team.slug, name: m.team.name }));
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, teams, teamIds: teams.map((t) => t.id) };
}

