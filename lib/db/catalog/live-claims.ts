import "server-only";

import type { LiveClaim } from "@/lib/domain/catalog/existing-access";

import { db } from "../client";

/** The live claims (created, kept or relied on, not released) on these resource ids, with their requests' numbers: one query. */
export async function liveClaimsOn(resources: readonly string[]): Promise<LiveClaim[]> {
  if (resources.length === 0) return [];
  const rows = await db().resourceClaim.findMany({
    where: { resource: { in: [...resources] }, releasedAt: null },
    select: { resource: true, kind: true, request: { select: { number: true } } },
  });
  return rows.map((r) => ({ resource: r.resource, kind: r.kind === "CREATED" ? "created" : "relied-on", requestNumber: r.request.number }));
}
