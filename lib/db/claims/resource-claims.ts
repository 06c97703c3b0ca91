import type { ConnectionPlan } from "@/lib/domain/plan";

import type { Prisma } from "../generated/client";

type ClaimingStep = { requestId: string; key: string; accountId: string; region: string };
// What a step executor records (StepRecord in lib/aws): the ids it created, and those it found in place.
type ClaimedRecord = { created: readonly { id: string; account: string; region: string }[]; reused?: readonly string[] };

/**
 * Claims what a step's record says it created or relies on. Runs in the transaction that saves the record,
 * so a resource id is never on a step without its claim, whatever moment a worker dies at. Only adds: a
 * claim ends when its step is undone or its request's teardown finishes.
 */
export async function claimStepResources(tx: Prisma.TransactionClient, step: ClaimingStep, record: ClaimedRecord): Promise<void> {
  const wanted = [
    ...record.created.map((c) => ({ resource: c.id, accountId: c.account, region: c.region, kind: "CREATED" as const, relations: [] })),
    ...(record.reused ?? []).map((id) => ({ resource: id, accountId: step.accountId, region: step.region, kind: "RELIED_ON" as const, relations: [] })),
  ];
  if (wanted.length === 0) return;
  const held = await tx.resourceClaim.findMany({
    where: { requestId: step.requestId, stepKey: step.key, releasedAt: null },
    select: { resource: true, kind: true },
  });
  const missing = wanted.filter((w) => !held.some((h) => h.resource === w.resource && h.kind === w.kind));
  if (missing.length === 0) return;
  await tx.resourceClaim.createMany({ data: missing.map((m) => ({ ...m, requestId: step.requestId, stepKey: step.key })) });
}

/**
 * What the plan relies on with no step of its own (an active peering, a route already there). Claimed as the
 * request is approved, so that between approval and the run another request's teardown keeps them; claiming
 * again (as a retry does) adds nothing.
 */
export async function claimPlanReuses(
  tx: Prisma.TransactionClient,
  requestId: string,
  plan: Pick<ConnectionPlan, "reuses" | "reusedIn" | "tgwTableReuses"> | undefined,
): Promise<void> {
  if (!plan) return;
  const held = await tx.resourceClaim.findMany({ where: { requestId, stepKey: null, releasedAt: null }, select: { resource: true } });
  const missing = [...new Set(plan.reuses)].filter((r) => !held.some((h) => h.resource === r));
  if (missing.length === 0) return;
  // The claim says where the resource is and, for a TGW route table's link, which link is relied on: what the
  // check reads, so nothing has to go back to the plan.
  const data = missing.map((resource) => {
    const place = plan.reusedIn.find((p) => p.id === resource);
    const relations = [...new Set(plan.tgwTableReuses.filter((r) => r.id === resource).map((r) => r.relation))].sort();
    return { resource, requestId, kind: "RELIED_ON" as const, accountId: place?.account ?? null, region: place?.region ?? null, relations };
  });
  await tx.resourceClaim.createMany({ data });
}

export async function releaseStepClaims(tx: Prisma.TransactionClient, step: Pick<ClaimingStep, "requestId" | "key">): Promise<void> {
  await tx.resourceClaim.updateMany({ where: { requestId: step.requestId, stepKey: step.key, releasedAt: null }, data: { releasedAt: new Date() } });
}

/**
 * A teardown kept what this step created because another request still relies on it (or AWS still uses it):
 * its CREATED claims stay open, marked kept, so the resource keeps its maker and can be found by index, but
 * they no longer count as a use. Released with the step once the resource is removed after all.
 */
export async function keepStepClaims(tx: Prisma.TransactionClient, step: Pick<ClaimingStep, "requestId" | "key">): Promise<void> {
  await tx.resourceClaim.updateMany({
    where: { requestId: step.requestId, stepKey: step.key, kind: "CREATED", releasedAt: null, keptAt: null },
    data: { keptAt: new Date() },
  });
}

/** A request that has ended (rejected, cancelled, rolled back, decommissioned) relies on nothing any more; what it kept stays kept. */
export async function releaseRequestClaims(tx: Prisma.TransactionClient, requestId: string): Promise<void> {
  await tx.resourceClaim.updateMany({ where: { requestId, releasedAt: null, keptAt: null }, data: { releasedAt: new Date() } });
}
