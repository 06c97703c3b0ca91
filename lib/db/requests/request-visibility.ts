import { may, personOf } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";

import type { Prisma } from "../generated/client";

export type Viewer = { id: string; roles: readonly Role[]; teamIds: readonly string[] };

// A requester sees its own teams' requests only; the platform roles see all. Used as a WHERE clause so that
// a request one may not see is indistinguishable from one that does not exist.
export function visibleRequestsWhere(viewer: Viewer): Prisma.AccessRequestWhereInput {
  if (may(personOf(viewer), "request.list-all").ok) return {};
  if (may(personOf(viewer), "request.list").ok) return { teamId: { in: [...viewer.teamIds] } };
  return { id: { in: [] } };
}
