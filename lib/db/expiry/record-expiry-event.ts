import "server-only";

import type { ExpiryEventKind } from "@/lib/domain/expiry/expiry-due";

import type { Prisma } from "../generated/client";

/**
 * Records that the expiry did `kind` for this end date. False when it was recorded already (by an earlier
 * sweep or another worker): the caller then does nothing, which is what makes each reminder go out once.
 */
export async function recordExpiryEvent(tx: Prisma.TransactionClient, requestId: string, kind: ExpiryEventKind, endsAt: Date): Promise<boolean> {
  const { count } = await tx.requestExpiryEvent.createMany({ data: [{ requestId, kind, endsAt }], skipDuplicates: true });
  return count === 1;
}
