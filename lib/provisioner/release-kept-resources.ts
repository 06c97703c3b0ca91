import { db } from "@/lib/db/client";

import type { RunnerDeps } from "./runner-deps";
import { stillUsedBy } from "./still-used-by";
import { outputsOf } from "./step-context";
import { loadSteps, recordOf, updateStep } from "./step-store";
import { undoStepRow } from "./undo-steps";

// When a teardown keeps a resource because another request still claimed it, the resource stays recorded on the
// finished request's SKIPPED step. Once no request holds a claim on it any more, it is removed after all, so
// sharing never leaves an orphan behind.
export async function releaseKeptResources(finishingRequestId: string, deps: RunnerDeps): Promise<void> {
  const kept = await db().planStep.findMany({
    where: { status: "SKIPPED", request: { status: { in: ["DECOMMISSIONED", "ROLLED_BACK"] } } },
    orderBy: [{ requestId: "asc" }, { position: "desc" }],
  });
  for (const row of kept) {
    const ids = recordOf(row).created.map((c) => c.id);
    if (ids.length === 0) continue;
    // The kept step's own request released its claims when its teardown finished, so any claim left is another's.
    if ((await stillUsedBy(row.requestId, ids)) !== null) continue;
    // The kept step's input refers to outputs of its own request's earlier steps (e.g. the peering id).
    const result = await undoStepRow(row, outputsOf(await loadSteps(row.requestId)), deps);
    if (!result.ok) {
      deps.log(`could not release ${ids.join(", ")} kept by request ${row.requestId}: ${result.error}`);
    } else if (!result.kept) {
      await updateStep(row, {}, { action: "step.release", resourceIds: ids, details: { releasedWith: finishingRequestId } });
    }
  }
}
