import { isTerminal, type RequestStatus } from "@/lib/domain/lifecycle";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";

import type { Prisma } from "../generated/client";
import { claimPlanReuses, releaseRequestClaims } from "./resource-claims";

/**
 * Runs in the transaction of every status change. An approved request relies on what its plan reuses from
 * that moment, not from when a worker gets to it: otherwise another request's teardown in between removes
 * the peering or route the plan counts on. A request that has ended relies on nothing.
 */
export async function claimsFollowStatus(tx: Prisma.TransactionClient, request: { id: string; plan: Prisma.JsonValue }, to: RequestStatus): Promise<void> {
  if (to === "APPROVED") await claimPlanReuses(tx, request.id, readStoredPlan(request)?.plan);
  else if (isTerminal(to)) await releaseRequestClaims(tx, request.id);
}
