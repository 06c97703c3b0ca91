import { describeAwsError } from "@/lib/aws";
import { runPathAnalysis } from "@/lib/aws/path-analysis/run-path-analysis";
import { config } from "@/lib/config";
import { asJson } from "@/lib/db/as-json";
import { recordAuditEvent, type AuditActor } from "@/lib/db/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { storedClientLocation } from "@/lib/domain/client-location";
import { analysisPlan, managementAccountOf } from "@/lib/domain/path-analysis/analysis-eligibility";
import { analysisSummary, readPathAnalysis, type PathAnalysisResult } from "@/lib/domain/path-analysis/path-analysis-result";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";

import { pollDelay } from "./backoff";
import { withResourceLocks } from "./resource-locks";
import { loadPlatformSettings } from "./platform-settings";
import type { RunnerDeps } from "./runner-deps";
import { PROVISIONER } from "./step-store";

// An analysis answers in a minute or two; one that has not after this long is reported as failed.
const ANALYSIS_DEADLINE_MS = 15 * 60_000;

/**
 * Proves an approved request's path in AWS (VPC Reachability Analyzer) on each of its ports, or records why
 * it cannot be (another Region, on-premises, SaaS, multi-VPC connectivity, or the platform setting), then
 * stores the result on the request and audits it in the name of whoever asked.
 */
export async function analysePath(requestId: string, deps: RunnerDeps, askedBy: AuditActor = PROVISIONER): Promise<PathAnalysisResult | null> {
  const request = await db().accessRequest.findUnique({ where: { id: requestId }, include: { cluster: true } });
  if (!request) return null;
  const plan = readStoredPlan(request)?.plan;
  if (!plan) return null;
  const settings = await loadPlatformSettings(db());
  const eligibility = analysisPlan({
    scenario: plan.scenario,
    method: plan.method,
    client: storedClientLocation(request),
    cluster: { accountId: request.cluster.accountId, region: request.cluster.region },
    transitAccountId: settings.transitHubs.find((h) => h.region === request.cluster.region)?.accountId ?? null,
    setting: settings.pathAnalysis,
    managementAccountId: settings.organization ? managementAccountOf(settings.organization.arn) : null,
  });
  const analysedAt = new Date().toISOString();
  let result: PathAnalysisResult;
  if (!eligibility.possible) {
    result = { outcome: "not-analysed", reason: eligibility.reason, analysedAt };
  } else {
    try {
      // One run per request at a time: a second would delete the first's tagged interface as a leftover.
      result = await withResourceLocks(config().DATABASE_URL ?? "", [`path-analysis:${requestId}`], () => runPathAnalysis({
        access: deps.access,
        plan: eligibility,
        cluster: request.cluster,
        ports: plan.ports,
        requestTag: { Key: deps.tagKeys.requestId, Value: requestId },
        waits: { pollDelay: (waited) => pollDelay(waited, deps.limits), deadlineMs: Math.min(ANALYSIS_DEADLINE_MS, deps.limits.waitDeadlineMs) },
        log: deps.log,
      }));
    } catch (error) {
      result = { outcome: "failed", analysedAt, analysedFrom: eligibility.caller, ports: [], reason: describeAwsError(error).message };
    }
    const inaccessible = result.outcome === "failed" && result.ports.some((p) => p.statusMessage?.includes("inaccessible resource"));
    if (inaccessible && eligibility.crossAccount && !result.reason) {
      result.reason = `Across accounts, Reachability Analyzer needs trusted access in AWS Organizations with account ${eligibility.caller.accountId} as a delegated administrator; or analyse same-account requests only (platform settings).`;
    }
  }
  // The provisioner's repeat of an unchanged answer (the sweep re-asking about a broken path) is not news.
  const before = readPathAnalysis(request.pathAnalysis);
  const news = askedBy.kind === "user" || !before || analysisSummary(before) !== analysisSummary(result);
  await db().$transaction(async (tx) => {
    await tx.accessRequest.update({ where: { id: requestId }, data: { pathAnalysis: asJson(result), pathAnalysedAt: new Date(analysedAt) } });
    if (!news) return;
    await recordAuditEvent(tx, {
      actor: askedBy,
      action: "request.path-analysed",
      requestId,
      details: { outcome: result.outcome, summary: analysisSummary(result), result: asJson(result) },
    });
  });
  return result;
}
