import { config } from "@/lib/config";
import { db } from "@/lib/db/client";

import { resourceKeysOf, withResourceLocks } from "./resource-locks";
import type { RunnerDeps } from "./runner-deps";
import { stepDefinition } from "./step-definition";
import { stillUsedBy } from "./still-used-by";
import { outputsOf } from "./step-context";
import { loadSteps, recordOf, updateStep } from "./step-store";
import { undoStepRow } from "./undo-steps";

// When a teardown keeps a resource because another request still relies on it, the maker's claim stays open,
// marked kept. Once no request relies on it any more, it is removed after all (and the kept claim released
// with its step), so sharing never leaves an orphan behind. Only ended requests' kept steps are taken: one
// still in its own teardown is its own runner's. A release that failed (the step FAILED, its claim still kept)
// is tried again by the next teardown. Each release holds the resource's lock, as a run that might start
// relying on it would, so "nobody uses it" cannot turn false between the check and the delete.
export async function releaseKeptResources(finishingRequestId: string, deps: RunnerDeps): Promise<void> {
  const kept = await db().resourceClaim.findMany({
    where: { keptAt: { not: null }, releasedAt: null, stepKey: { not: null }, request: { status: { in: ["DECOMMISSIONED", "ROLLED_BACK"] } } },
    select: { requestId: true, stepKey: true },
    distinct: ["requestId", "stepKey"],
  });
  if (kept.length === 0) return;
  const rows = await db().planStep.findMany({
    where: { status: { in: ["SKIPPED", "FAILED"] }, OR: kept.map((k) => ({ requestId: k.requestId, key: k.stepKey ?? "" })) },
    orderBy: [{ requestId: "asc" }, { position: "desc" }],
  });
  for (const row of rows) {
    const ids = recordOf(row).created.map((c) => c.id);
    if (ids.length === 0) continue;
    const keys = resourceKeysOf([stepDefinition(row)]);
    await withResourceLocks(config().DATABASE_URL ?? "", keys, () => releaseOne(row, ids, finishingRequestId, deps));
  }
}

async function releaseOne(row: Awaited<ReturnType<typeof loadSteps>>[number], ids: string[], finishingRequestId: string, deps: RunnerDeps) {
  if ((await stillUsedBy(row.requestId, ids)) !== null) return;
  // The kept step's input refers to outputs of its own request's earlier steps (e.g. the peering id).
  const result = await undoStepRow(row, outputsOf(await loadSteps(row.requestId)), deps);
  if (!result.ok) {
    deps.log(`could not release ${ids.join(", ")} kept by request ${row.requestId}: ${result.error}`);
  } else if (!result.kept) {
    await updateStep(row, {}, { action: "step.release", resourceIds: ids, details: { releasedWith: finishingRequestId } });
  }
}
