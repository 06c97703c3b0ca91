import type { StoredPlan } from "@/lib/domain/plan/stored-plan";

import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import type { Prisma } from "../generated/client";

export async function recordPlanEvent(tx: Prisma.TransactionClient, requestId: string, stored: StoredPlan, actor: AuditActor) {
  await recordAuditEvent(tx, {
    actor,
    action: "request.plan",
    requestId,
    details: stored.plan
      ? {
          method: stored.plan.method,
          steps: stored.plan.steps.length,
          approvable: stored.plan.approvable,
          blocking: stored.plan.preflight.filter((f) => f.severity === "block").map((f) => f.code),
        }
      : { error: stored.error.message },
  });
}
