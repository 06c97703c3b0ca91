import "server-only";

import { evaluatePolicies, planTraits, type PolicyEvaluation, type PolicySubject } from "@/lib/domain/approval-policy";
import { storedAuthModes, storedClientLocation } from "@/lib/domain/client-location";
import type { ConnectionPlan } from "@/lib/domain/plan/plan-types";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";

import { asJsonObject } from "../as-json";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { db } from "../client";
import { scenarioColumn } from "../enums/domain-enums";
import { Prisma } from "../generated/client";
import { loadPolicies } from "./policy-rows";

/** Who the audit names when a policy is applied or decides by itself. */
export const POLICY_ACTOR = { kind: "system", label: "approval policy" } as const;

const REQUEST = { cluster: { include: { ownerTeam: { select: { id: true, slug: true } } } }, team: { select: { id: true, slug: true } } } as const;
type PlannedRequest = Prisma.AccessRequestGetPayload<{ include: typeof REQUEST }>;

function subjectOf(request: PlannedRequest, plan: ConnectionPlan, teamSlugs: Record<string, string>): PolicySubject {
  const client = storedClientLocation(request);
  return {
    environment: request.environment,
    scenario: scenarioColumn.fromDb(request.scenario),
    method: plan.method,
    clusterArn: request.cluster.arn,
    clusterName: request.cluster.name,
    clusterOwnerTeam: request.cluster.ownerTeam,
    clientAccountId: client.type !== "on-prem" ? client.accountId : null,
    team: request.team,
    teamSlugs,
    authModes: storedAuthModes(request),
    traits: planTraits(plan.steps),
    stepCount: plan.steps.length,
  };
}

/**
 * Decides which policy applies to the request's current plan and stores it on the request, audited. A new plan
 * is a new thing to approve, so approvals given for an earlier one are dropped (and the audit says how many).
 * A request without a plan gets no policy: nothing can approve it anyway.
 */
export async function evaluatePolicyInTx(tx: Prisma.TransactionClient, requestId: string, actor: AuditActor, options: { replanned?: boolean } = {}): Promise<PolicyEvaluation | null> {
  const dropped = options.replanned ? (await tx.approval.deleteMany({ where: { requestId } })).count : 0;
  const evaluation = await currentPolicyFor(tx, requestId);
  if (!evaluation) {
    const stored = await tx.accessRequest.findUniqueOrThrow({ where: { id: requestId }, select: { approvalPolicy: true } });
    if (stored.approvalPolicy !== null) await tx.accessRequest.update({ where: { id: requestId }, data: { approvalPolicy: Prisma.DbNull } });
    return null;
  }
  await tx.accessRequest.update({ where: { id: requestId }, data: { approvalPolicy: asJsonObject(evaluation) } });
  await recordAuditEvent(tx, {
    actor,
    action: "request.policy-applied",
    requestId,
    details: {
      policyId: evaluation.policyId,
      policy: evaluation.policyName,
      version: evaluation.policyVersion,
      why: evaluation.why,
      outcome: asJsonObject(evaluation.outcome),
      ...(dropped ? { approvalsDropped: dropped } : {}),
    },
  });
  return evaluation;
}

/**
 * Which policy applies to the request's stored plan under today's policies, without storing anything: what
 * filing, a re-plan and an extension ask all start from. Null when the request has no plan.
 */
export async function currentPolicyFor(tx: Prisma.TransactionClient, requestId: string): Promise<PolicyEvaluation | null> {
  const request = await tx.accessRequest.findUniqueOrThrow({ where: { id: requestId }, include: REQUEST });
  const plan = readStoredPlan(request)?.plan;
  if (!plan) return null;
  const teams = await tx.team.findMany({ select: { id: true, slug: true } });
  return evaluatePolicies(await loadPolicies(tx), subjectOf(request, plan, Object.fromEntries(teams.map((t) => [t.id, t.slug]))), new Date());
}

/** The policy of a freshly (re)planned request, in its own transaction. */
export function applyApprovalPolicy(requestId: string, actor: AuditActor, options: { replanned?: boolean } = {}) {
  return db().$transaction((tx) => evaluatePolicyInTx(tx, requestId, actor, options));
}
