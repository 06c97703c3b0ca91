import "server-only";

import type { ExtensionFacts } from "@/lib/domain/permissions";

import type { Prisma } from "../generated/client";
import { readExtensionApprovals } from "./extension-approval-state";

type Tx = Prisma.TransactionClient;

/**
 * Locks the request's row (FOR UPDATE) and reads what the extension rules need. Asking, deciding and the
 * expiry's teardown all take this lock, so none of them acts on an end date another is changing.
 */
export async function lockExtensionFacts(tx: Tx, requestId: string, where: Prisma.AccessRequestWhereInput) {
  await tx.$queryRaw`SELECT 1 FROM "AccessRequest" WHERE "id" = ${requestId} FOR UPDATE`;
  const request = await tx.accessRequest.findFirst({
    where: { id: requestId, ...where },
    select: {
      id: true,
      requesterId: true,
      teamId: true,
      status: true,
      endsAt: true,
      environment: true,
      clusterId: true,
      cluster: { select: { ownerTeam: { select: { id: true, slug: true } } } },
      extensions: {
        where: { status: "PENDING" },
        select: { id: true, requestedById: true, fromEndsAt: true, toEndsAt: true, approvalPolicy: true, approvals: true },
      },
    },
  });
  if (!request) return null;
  const pending = request.extensions[0] ?? null;
  const approvals = pending ? readExtensionApprovals({ ...pending, ownerTeam: request.cluster.ownerTeam }) : null;
  const facts: ExtensionFacts = {
    requesterId: request.requesterId,
    teamId: request.teamId,
    status: request.status,
    endsAt: request.endsAt,
    pendingExtension: pending ? { requestedById: pending.requestedById, approvalState: approvals?.state ?? null } : null,
  };
  return { request, pending, approvals, facts };
}
