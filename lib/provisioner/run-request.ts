import { asJson } from "@/lib/db/as-json";
import { config } from "@/lib/config";
import { freezeHoldFor } from "@/lib/db/approval-policies/approval-context";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { UnreadableColumnError } from "@/lib/domain/json/read-json-column";
import type { PlanStep } from "@/lib/domain/plan/plan-types";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";

import { analysisSummary } from "@/lib/domain/path-analysis/path-analysis-result";

import { analysePath } from "./analyse-path";
import { checkDrift } from "./check-drift";
import { readConnection } from "./read-connection";
import { resourceKeysOf, withResourceLocks } from "./resource-locks";
import { releaseKeptResources } from "./release-kept-resources";
import { runForward } from "./run-forward";
import { stepDefinition } from "./step-definition";
import type { RunnerDeps } from "./runner-deps";
import { materializeSteps } from "./step-store";
import { systemTransition } from "./system-transition";
import { undoSteps } from "./undo-steps";
import { verifySteps } from "./verify-steps";

// Drives one request as far as it can go from its current status. Every phase reads the status again, so a
// run started after a crash, a retry or a second worker simply continues from what the database says.
export async function runRequest(requestId: string, deps: RunnerDeps): Promise<void> {
  for (let phase = 0; phase < 8; phase++) {
    const request = await db().accessRequest.findUnique({ where: { id: requestId }, select: { status: true, plan: true, drift: true } });
    if (!request) return;
    switch (request.status) {
      case "APPROVED": {
        // A change freeze holds approved requests: the sweeper enqueues this one again, and it starts once the freeze ends.
        if (await freezeHoldFor(db(), requestId)) return;
        const plan = planToRun({ id: requestId, plan: request.plan });
        if (!plan.ok) {
          await systemTransition(requestId, "start-provisioning");
          await systemTransition(requestId, "fail", { details: { reason: plan.reason } });
          return;
        }
        const steps = plan.steps;
        await systemTransition(requestId, "start-provisioning", {
          details: { steps: steps.length },
          alsoInTransaction: (tx) => materializeSteps(tx, requestId, steps),
        });
        break;
      }
      case "PROVISIONING": {
        const result = await withResourceLocks(databaseUrl(), await lockKeys(requestId), () => runForward(requestId, deps));
        if (!result.ok) {
          await systemTransition(requestId, "fail", { details: { step: result.step, reason: result.error } });
          return;
        }
        await systemTransition(requestId, "start-verifying");
        break;
      }
      case "VERIFYING": {
        const problems = await verifySteps(requestId, deps);
        if (problems.length > 0) {
          await systemTransition(requestId, "fail", { details: { reason: "Verification found problems", problems: asJson(problems) } });
          return;
        }
        // Every piece is in place; now AWS is asked whether they make a path (where it can be asked).
        const analysis = await analysePath(requestId, deps);
        if (analysis && (analysis.outcome === "unreachable" || analysis.outcome === "failed")) {
          await systemTransition(requestId, "fail", { details: { reason: analysisSummary(analysis), pathAnalysis: analysis.outcome } });
          return;
        }
        await readConnection(requestId, deps);
        // Re-applied after drift: its own steps were just verified, so their drift is gone as it becomes active
        // (one transaction: no moment shows it active and still drifted); the full check that follows says
        // whether anything it only relies on is still off.
        const reapplied = request.drift !== null;
        await systemTransition(requestId, "activate", {
          details: {
            verified: analysis?.outcome === "reachable" ? "every step's resources are in place and AWS found the path" : "every step's resources are in place",
            ...(reapplied ? { driftCleared: true } : {}),
          },
          ...(reapplied
            ? { alsoInTransaction: (tx) => tx.accessRequest.update({ where: { id: requestId }, data: { drift: Prisma.DbNull, driftCheckedAt: new Date() } }).then(() => undefined) }
            : {}),
        });
        if (reapplied) await checkDrift(requestId, deps);
        return;
      }
      case "ROLLING_BACK":
      case "DECOMMISSIONING": {
        const result = await withResourceLocks(databaseUrl(), await lockKeys(requestId), () => undoSteps(requestId, deps));
        if (!result.ok) {
          await systemTransition(requestId, "fail", { details: { step: result.step, reason: result.error } });
          return;
        }
        // The transition releases the request's claims, after which what it kept for others may go too.
        await systemTransition(requestId, request.status === "ROLLING_BACK" ? "finish-rollback" : "finish-decommission");
        await releaseKeptResources(requestId, deps);
        return;
      }
      default:
        return;
    }
  }
}

function databaseUrl(): string {
  return config().DATABASE_URL ?? "";
}

async function lockKeys(requestId: string): Promise<string[]> {
  const rows = await db().planStep.findMany({ where: { requestId }, select: { id: true, definition: true } });
  return resourceKeysOf(rows.map(stepDefinition));
}

// An approved request whose plan is missing or unreadable fails with the reason on its timeline, rather than
// the worker retrying a job that cannot succeed.
function planToRun(request: { id: string; plan: unknown }): { ok: true; steps: PlanStep[] } | { ok: false; reason: string } {
  try {
    const stored = readStoredPlan(request);
    return stored?.plan ? { ok: true, steps: stored.plan.steps } : { ok: false, reason: "The request has no plan to run" };
  } catch (error) {
    if (error instanceof UnreadableColumnError) return { ok: false, reason: error.message };
    throw error;
  }
}
