import { REQUEST_STATUSES, type RequestStatus } from "@/lib/domain/lifecycle";

import type { PrismaClient } from "../prisma-factory";

/** How many access requests are in each status, every status present (zero when none). */
export async function countRequestsByStatus(prisma: PrismaClient): Promise<Record<RequestStatus, number>> {
  const groups = await prisma.accessRequest.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = Object.fromEntries(REQUEST_STATUSES.map((status) => [status, 0])) as Record<RequestStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}
