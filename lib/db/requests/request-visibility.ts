import { hasPermission, type Role } from "@/lib/domain/roles";

import type { Prisma } from "../generated/client";

export type Viewer = { id: string; roles: readonly Role[]; teamIds: readonly string[] };

// A requester sees its own teams' requests only; the platform roles see all. Used as a WHERE clause so that
// a request one may not see is indistinguishable from one that does not exist.
export function visibleRequestsWhere(viewer: Viewer): Prisma.AccessRequestWhereInput {
  if (hasPermission(viewer.roles, "request:read-all")) return {};
  if (hasPermission(viewer.roles, "request:read-own-team")) return { teamId: { in: [...viewer.teamIds] } };
  return { id: { in: [] } };
}
