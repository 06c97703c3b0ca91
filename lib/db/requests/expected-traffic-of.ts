import "server-only";

import { db } from "../client";

/**
 * The requesters' expected traffic for a page of requests the caller already may see (the list that found
 * them checked visibility): the approval queue prices each plan with it.
 */
export async function expectedTrafficOf(requestIds: readonly string[]): Promise<Map<string, number | null>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db().accessRequest.findMany({ where: { id: { in: [...requestIds] } }, select: { id: true, expectedGbPerMonth: true } });
  return new Map(rows.map((r) => [r.id, r.expectedGbPerMonth]));
}
