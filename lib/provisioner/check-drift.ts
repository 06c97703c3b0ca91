import { asJson } from "@/lib/db/as-json";
import { recordAuditEvent, type AuditActor } from "@/lib/db/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { logger } from "@/lib/log/logger";
import { portalMetrics } from "@/lib/metrics/portal-metrics";
import { notify } from "@/lib/db/notifications/notify";

import { PATH_ANALYSIS, readDriftProblems } from "@/lib/domain/drift-problems";
import { analysisSummary, readPathAnalysis } from "@/lib/domain/path-analysis/path-analysis-result";

import { analysePath } from "./analyse-path";
import { sameDriftFinding } from "./drift-finding";
import type { RunnerDeps } from "./runner-deps";
import { PROVISIONER } from "./step-store";
import { verifyReliedOn } from "./verify-relied-on";
import { verifySteps, type VerificationProblem } from "./verify-steps";

// Re-verifies an ACTIVE request against AWS: its own steps, and what it relies on without a step. Drift is
// recorded on the request (shown on its page) and audited, in the name of whoever asked for the check, only when
// it appears, changes or clears: re-checking a request that is still drifted the same way only updates when it
// was last checked.
export async function checkDrift(
  requestId: string,
  deps: RunnerDeps,
  checkedBy: AuditActor = PROVISIONER,
): Promise<VerificationProblem[]> {
  const [own, reliedOn] = await Promise.all([verifySteps(requestId, deps), verifyReliedOn(requestId, deps)]);
  const problems = [...own, ...reliedOn, ...(await pathProblems(requestId, deps, checkedBy, [...own, ...reliedOn]))];
  const changed = await db().$transaction(async (tx) => {
    const before = await tx.accessRequest.findUnique({ where: { id: requestId }, select: { drift: true, status: true } });
    if (before?.status !== "ACTIVE") return false;
    const changed = !sameDriftFinding(before.drift, problems);
    await tx.accessRequest.update({
      where: { id: requestId },
      data: { driftCheckedAt: new Date(), ...(changed ? { drift: problems.length ? asJson(problems) : Prisma.DbNull } : {}) },
    });
    if (changed) {
      await recordAuditEvent(tx, {
        actor: checkedBy,
        action: problems.length ? "request.drift-detected" : "request.drift-cleared",
        requestId,
        details: { problems: asJson(problems) },
      });
      // Only a new or different finding is news; a cleared one is on the request page and in the audit.
      if (problems.length) {
        const actorId = checkedBy.kind === "user" ? checkedBy.userId : null;
        await notify(tx, { type: "request.drift-detected", requestId, actorId, details: { problems: problems.map((p) => p.problem) } });
      }
    }
    return changed;
  });
  if (changed) {
    const result = problems.length ? "drifted" : "cleared";
    portalMetrics().driftFindings.inc({ result });
    logger().warn({ accessRequestId: requestId, result, problems: problems.length }, "drift finding changed");
  }
  return problems;
}

// A person's check asks AWS for the path again. The scheduled sweep keeps the last answer and asks again only
// about a "no path": when its own checks changed since (a fix, or a new break), else at most hourly. AWS bills
// every analysis, and the sweep's own checks already see each piece. One that could not run, a person re-asks.
const SWEEP_REANALYSIS_MS = 60 * 60_000;

async function pathProblems(requestId: string, deps: RunnerDeps, checkedBy: AuditActor, pieces: VerificationProblem[]): Promise<VerificationProblem[]> {
  const row = await db().accessRequest.findUnique({ where: { id: requestId }, select: { status: true, pathAnalysis: true, pathAnalysedAt: true, drift: true } });
  if (row?.status !== "ACTIVE") return [];
  const stored = readPathAnalysis(row.pathAnalysis);
  const piecesBefore = readDriftProblems(row.drift).filter((p) => p.step !== PATH_ANALYSIS);
  const piecesChanged = !sameDriftFinding(piecesBefore.length ? piecesBefore : null, pieces);
  const stale = Date.now() - (row.pathAnalysedAt?.getTime() ?? 0) >= SWEEP_REANALYSIS_MS;
  const due = stored?.outcome === "unreachable" && (piecesChanged || stale);
  const result = checkedBy.kind === "user" || due ? await analysePath(requestId, deps, checkedBy) : stored;
  return result && (result.outcome === "unreachable" || result.outcome === "failed")
    ? [{ step: PATH_ANALYSIS, summary: "The path in AWS (Reachability Analyzer)", problem: analysisSummary(result) }]
    : [];
}

export async function checkDriftOfActiveRequests(deps: RunnerDeps): Promise<void> {
  const active = await db().accessRequest.findMany({ where: { status: "ACTIVE" }, select: { id: true } });
  for (const { id } of active) await checkDrift(id, deps);
}
