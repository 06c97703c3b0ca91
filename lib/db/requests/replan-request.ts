import "server-only";

import type { StoredPlan } from "@/lib/domain/plan/stored-plan";
import { ExpectedError } from "@/lib/errors/expected-error";

import type { AuditActor } from "../audit/record-audit-event";
import { db } from "../client";
import { methodOfStoredPlan } from "./method-of-stored-plan";
import { recordPlanEvent } from "./record-plan-event";
import { asJson } from "../as-json";

// A plan may be recomputed from fresh AWS state until somebody decides the request; after that the approved
// plan is what runs.
export async function saveReplan(requestId: string, expectedVersion: number, stored: StoredPlan, actor: AuditActor) {
  await db().$transaction(async (tx) => {
    const updated = await tx.accessRequest.updateMany({
      where: { id: requestId, version: expectedVersion, status: "SUBMITTED" },
      data: { plan: asJson(stored), method: methodOfStoredPlan(stored), version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      throw new ExpectedError("conflict", "The request changed while it was being re-planned (or is no longer waiting for a decision). Reload.");
    }
    await recordPlanEvent(tx, requestId, stored, actor);
  });
}
