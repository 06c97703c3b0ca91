import "server-only";

import type { z } from "zod";

import type { ApprovalView } from "@/lib/db/approval-policies/approval-views";
import type { ExtensionRow } from "@/lib/db/expiry/load-extensions";
import type { RequestDetail } from "@/lib/db/requests/get-request";
import { readDriftProblems } from "@/lib/domain/drift-problems";
import { readPathAnalysis } from "@/lib/domain/path-analysis/path-analysis-result";
import { neededChanges } from "@/lib/domain/needs-changes";
import { requestCostEstimate } from "@/lib/domain/cost/request-cost";
import { approvalBlocker } from "@/lib/domain/lifecycle";
import { allowedRequestOperations, type Person } from "@/lib/domain/permissions";
import { connectionDetails, readLiveConnection } from "@/lib/domain/plan/connection-details";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";
import { requestFacts } from "@/lib/domain/request-facts";
import { failureOf } from "@/lib/domain/request-progress";
import { timelineComment, timelineEvents } from "@/lib/domain/timeline";

import { planJson } from "./plan-json";
import { requestApprovalJson } from "./request-approval-json";
import { topicAccessOf } from "./request-columns";
import { requestSummaryJson } from "./request-json";
import type { requestDetailJsonSchema } from "./schemas/request-detail-schema";

export type RequestDetailJson = z.infer<typeof requestDetailJsonSchema>;

// What the request page shows this caller, from the same functions the page calls: the policy's facts and
// reasons, the client's connection details, the timeline's filter. The caller already may see the request
// (it was loaded through the visibility rule); only `actions` depends on who asks.
export function requestDetailJson(r: RequestDetail, person: Person, approvalView: ApprovalView | null = null, extensions: readonly ExtensionRow[] = []): RequestDetailJson {
  const stored = readStoredPlan(r);
  const facts = requestFacts(r, stored);
  const blocker = approvalBlocker(r.status, facts);
  const drift = readDriftProblems(r.drift);
  return {
    ...requestSummaryJson(r),
    cluster: { arn: r.cluster.arn, name: r.cluster.name, accountId: r.cluster.accountId, region: r.cluster.region },
    justification: r.justification,
    preferredMethod: r.preferredMethod,
    topicAccess: topicAccessOf(r),
    plan: planJson(stored, r.status, r.steps),
    expectedGbPerMonth: r.expectedGbPerMonth,
    cost: requestCostEstimate({ stored, authModes: r.authModes, expectedGbPerMonth: r.expectedGbPerMonth }),
    approval: { approvable: blocker === null, reason: blocker },
    needsChanges: neededChanges(r.status, stored),
    approvalPolicy: requestApprovalJson(approvalView),
    actions: allowedRequestOperations(person, { ...facts, approvalState: approvalView?.state ?? null }),
    decision: r.decidedBy ? { by: r.decidedBy.email, comment: r.decisionComment, at: r.decidedAt?.toISOString() ?? null } : null,
    failure: r.status === "FAILED" ? failureOf(r.auditEvents) : null,
    drift: drift.length ? { checkedAt: r.driftCheckedAt?.toISOString() ?? null, findings: drift } : null,
    pathAnalysis: readPathAnalysis(r.pathAnalysis),
    connection: r.status === "ACTIVE" && stored?.plan ? connectionDetails(stored.plan, readLiveConnection(r)) : null,
    extensions: extensions.map((e) => ({
      id: e.id,
      fromEndsAt: e.fromEndsAt.toISOString(),
      toEndsAt: e.toEndsAt.toISOString(),
      reason: e.reason,
      status: e.status,
      askedBy: e.requestedBy.email,
      askedAt: e.createdAt.toISOString(),
      decidedBy: e.decidedBy?.email ?? null,
      decidedAt: e.decidedAt?.toISOString() ?? null,
      comment: e.decisionComment,
      policy: e.policy,
    })),
    timeline: timelineEvents(r.auditEvents).map((e) => ({ at: e.at.toISOString(), actor: e.actorLabel, action: e.action, comment: timelineComment(e) })),
  };
}
