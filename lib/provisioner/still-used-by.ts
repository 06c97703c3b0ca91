import { db } from "@/lib/db/client";

/**
 * The lowest number of another request holding an unreleased claim on any of these resources, or null.
 * Claims end when a request's teardown finishes, so an unreleased one is a request that still relies on it;
 * a kept claim (an ended request's, on what it made and could not remove) is not a use. One lookup on the
 * (resource, releasedAt) index.
 */
export async function stillUsedBy(requestId: string, resources: readonly string[]): Promise<number | null> {
  if (resources.length === 0) return null;
  const claim = await db().resourceClaim.findFirst({
    where: { resource: { in: [...resources] }, releasedAt: null, keptAt: null, requestId: { not: requestId } },
    orderBy: { request: { number: "asc" } },
    select: { request: { select: { number: true } } },
  });
  return claim?.request.number ?? null;
}
