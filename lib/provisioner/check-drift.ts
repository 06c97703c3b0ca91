import { asJson } from "@/lib/db/as-json";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

import type { RunnerDeps } from "./runner-deps";
import { PROVISIONER } from "./step-store";
import { verifySteps, type VerificationProblem } from "./verify-steps";

// Re-verifies an ACTIVE request against AWS. Drift is recorded on the request (shown on its page) and audited
// when it appears, changes or clears; a clean re-check changes nothing else.
export async function checkDrift(requestId: string, deps: RunnerDeps): Promise<VerificationProblem[]> {
  const problems = await verifySteps(requestId, deps);
  await db().$transaction(async (tx) => {
    const before = await tx.accessRequest.findUnique({ where: { id: requestId }, select: { drift: true, status: true } });
    if (before?.status !== "ACTIVE") return;
    const drift = problems.length ? asJson(problems) : null;
    const changed = JSON.stringify(before.drift ?? null) !== JSON.stringify(drift);
    await tx.accessRequest.update({ where: { id: requestId }, data: { drift: drift ?? Prisma.DbNull, driftCheckedAt: new Date() } });
    if (changed) {
      await recordAuditEvent(tx, {
        actor: PROVISIONER,
        action: problems.length ? "request.drift-detected" : "request.drift-cleared",
        requestId,
        details: { problems: asJson(problems) },
      });
    }
  });
  return problems;
}

export async function checkDriftOfActiveRequests(deps: RunnerDeps): Promise<void> {
  const active = await db().accessRequest.findMany({ where: { status: "ACTIVE" }, select: { id: true } });
  for (const { id } of active) await checkDrift(id, deps);
}
