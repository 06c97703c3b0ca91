import { z } from "zod";

import { driftedStepKeys, readDriftProblems } from "@/lib/domain/drift-problems";

import type { Prisma } from "../generated/client";

const dependsOnSchema = z.object({ dependsOn: z.array(z.string()).default([]) });

/**
 * Re-applying a drifted request runs again the steps its last check found altered or gone, and every step
 * that depends on one of them (a route to a peering made again must name the new peering). The steps keep
 * their records, so each executor first finds what it made and is still there, as a resumed step does.
 * Returns the keys, in plan order, for the audit.
 */
export async function resetDriftedSteps(tx: Prisma.TransactionClient, request: { id: string; drift: unknown }): Promise<string[]> {
  const drifted = new Set(driftedStepKeys(readDriftProblems(request.drift)));
  const steps = await tx.planStep.findMany({ where: { requestId: request.id }, select: { key: true, definition: true }, orderBy: { position: "asc" } });
  const again: string[] = [];
  // Plan order puts every dependency first, so one pass finds dependents of dependents too.
  for (const step of steps) {
    const read = dependsOnSchema.safeParse(step.definition);
    const dependsOn = read.success ? read.data.dependsOn : [];
    if (drifted.has(step.key) || dependsOn.some((key) => again.includes(key))) again.push(step.key);
  }
  await tx.planStep.updateMany({
    where: { requestId: request.id, key: { in: again } },
    data: { status: "PENDING", error: null, waitingFor: null, startedAt: null, finishedAt: null },
  });
  return again;
}
