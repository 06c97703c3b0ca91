import { may, personOf } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";

import type { Prisma } from "../generated/client";

export type Viewer = { id: string; roles: readonly Role[]; teamIds: readonly string[] };

// A requester sees its own teams' requests only; the platform roles see all. Used as a WHERE clause so that
// a request one may not see is indistinguishable from one that does not exist.
export function visibleRequestsWhere(viewer: Viewer): Prisma.AccessRequestWhereInput {
  const teams = visibleTeamIds(viewer);
  if (teams === "all") return {};
  return teams.length ? { teamId: { in: teams } } : { id: { in: [] } };
}

/** The same rule for SQL written by hand: every team, or the teams whose requests the viewer sees (maybe none). */
export function visibleTeamIds(viewer: Viewer): "all" | string[] {
  if (may(personOf(viewer), "request.list-all").ok) return "all";
  if (may(personOf(viewer), "request.list").ok) return [...viewer.teamIds];
  return [];
}
