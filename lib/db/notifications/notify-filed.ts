import type { Prisma } from "@/lib/db/generated/client";

import { notify } from "./notify";

// A new request: its team hears that it was filed, and the people who can decide it that it waits for them.
// A request that no longer waits (decided as it was filed) asks nobody.
export async function notifyFiled(tx: Prisma.TransactionClient, request: { id: string; requesterId: string }): Promise<void> {
  await notify(tx, { type: "request.filed", requestId: request.id, actorId: request.requesterId });
  const now = await tx.accessRequest.findUniqueOrThrow({ where: { id: request.id }, select: { status: true } });
  if (now.status === "SUBMITTED") {
    await notify(tx, { type: "request.awaiting-approval", requestId: request.id, actorId: request.requesterId });
  }
}
