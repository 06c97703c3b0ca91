import { z } from "zod";

import { DECOMMISSION_BY } from "../decommission-by";

import type { ConnectionMethod } from "../plan/plan-types";
import type { AuthMode, Environment } from "../request-input";
import type { Scenario } from "../scenario";
import { PLAN_TRAIT_LABELS, type ApprovalPolicy, type PlanTrait, type PolicyMatch } from "./policy-schema";

const teamRefSchema = z.object({ id: z.string(), slug: z.string() });
export type TeamRef = z.infer<typeof teamRefSchema>;

/** What the engine is told about a planned request. */
export type PolicySubject = {
  environment: Environment;
  scenario: Scenario;
  method: ConnectionMethod;
  clusterArn: string;
  clusterName: string;
  /** The team that owns the cluster; null when an admin has not set one. */
  clusterOwnerTeam: TeamRef | null;
  /** The client's AWS account; null for on-premises clients. */
  clientAccountId: string | null;
  /** The team the request is filed for. */
  team: TeamRef;
  /** Every team's slug by id, for the words of a requirement naming another team. */
  teamSlugs: Readonly<Record<string, string>>;
  authModes: readonly AuthMode[];
  traits: readonly PlanTrait[];
  stepCount: number;
};

// The outcome with the cluster owner resolved, so the request keeps the requirement as it was when it applied.
export const resolvedOutcomeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("auto-approve") }),
  z.object({
    kind: z.literal("approvals"),
    count: z.number().int().min(1),
    fromTeam: teamRefSchema.nullable(),
    clusterOwner: z.object({ cluster: z.string(), team: teamRefSchema.nullable() }).nullable(),
  }),
  z.object({ kind: z.literal("reject"), reason: z.string() }),
]);
export type ResolvedOutcome = z.infer<typeof resolvedOutcomeSchema>;

/** Which policy applied to a request and why; stored on the request. */
export const policyEvaluationSchema = z.object({
  policyId: z.string(),
  policyName: z.string(),
  policyVersion: z.number().int(),
  isDefault: z.boolean(),
  why: z.array(z.string()),
  outcome: resolvedOutcomeSchema,
  requireEndDate: z.boolean(),
  maxDurationDays: z.number().int().nullable(),
  // Evaluations stored before policies said so: the rule then, the requesting team or an operator.
  decommissionBy: z.enum(DECOMMISSION_BY).default("team-or-operator"),
  evaluatedAt: z.string(),
});
export type PolicyEvaluation = z.infer<typeof policyEvaluationSchema>;

type Criterion = { values: readonly string[]; holds: boolean; says: string };

// Each non-empty list of a policy is one criterion; the words are what the request page shows as "why".
function criteria(match: PolicyMatch, s: PolicySubject): Criterion[] {
  const oneOf = (values: readonly string[], value: string | null) => value !== null && values.includes(value);
  const list = [
    { values: match.environments, holds: oneOf(match.environments, s.environment), says: `environment is ${s.environment}` },
    { values: match.scenarios, holds: oneOf(match.scenarios, s.scenario), says: `scenario is ${s.scenario}` },
    { values: match.methods, holds: oneOf(match.methods, s.method), says: `connection method is ${s.method}` },
    { values: match.clusterArns, holds: oneOf(match.clusterArns, s.clusterArn), says: `cluster is ${s.clusterName}` },
    { values: match.clientAccountIds, holds: oneOf(match.clientAccountIds, s.clientAccountId), says: `client account is ${s.clientAccountId ?? "none"}` },
    { values: match.teams, holds: oneOf(match.teams, s.team.id), says: `team is ${s.team.slug}` },
    {
      values: match.authModes,
      holds: match.authModes.some((m) => s.authModes.includes(m)),
      says: `auth modes include ${match.authModes.filter((m) => s.authModes.includes(m)).join(", ")}`,
    },
    ...match.traits.map((t) => ({ values: [t], holds: s.traits.includes(t), says: `plan ${PLAN_TRAIT_LABELS[t]}` })),
  ];
  if (match.minSteps !== null) {
    list.push({ values: ["minSteps"], holds: s.stepCount >= match.minSteps, says: `plan has ${s.stepCount} steps (${match.minSteps} or more)` });
  }
  return list.filter((c) => c.values.length > 0);
}

/** Why a policy matches the subject (the criteria that hold), or null when it does not. */
export function policyMatches(policy: Pick<ApprovalPolicy, "match" | "isDefault">, subject: PolicySubject): string[] | null {
  const applicable = criteria(policy.match, subject);
  if (policy.isDefault) return ["no other policy matched"];
  if (!applicable.every((c) => c.holds)) return null;
  return applicable.length ? applicable.map((c) => c.says) : ["it matches every request"];
}

function resolveOutcome(policy: ApprovalPolicy, subject: PolicySubject): ResolvedOutcome {
  const o = policy.outcome;
  if (o.kind !== "approvals") return o;
  return {
    kind: "approvals",
    count: o.count,
    fromTeam: o.fromTeam ? { id: o.fromTeam, slug: subject.teamSlugs[o.fromTeam] ?? "a team that no longer exists" } : null,
    clusterOwner: o.fromClusterOwner ? { cluster: subject.clusterName, team: subject.clusterOwnerTeam } : null,
  };
}

/**
 * The first policy in order that matches decides; the default policy matches everything and is asked last
 * wherever it stands. Throws when there is no default policy: the database always keeps one.
 */
export function evaluatePolicies(policies: readonly ApprovalPolicy[], subject: PolicySubject, now: Date): PolicyEvaluation {
  const ordered = [...policies.filter((p) => !p.isDefault), ...policies.filter((p) => p.isDefault)];
  for (const policy of ordered) {
    const why = policyMatches(policy, subject);
    if (!why) continue;
    return {
      policyId: policy.id,
      policyName: policy.name,
      policyVersion: policy.version,
      isDefault: policy.isDefault,
      why,
      outcome: resolveOutcome(policy, subject),
      requireEndDate: policy.requireEndDate,
      maxDurationDays: policy.maxDurationDays,
      decommissionBy: policy.decommissionBy,
      evaluatedAt: now.toISOString(),
    };
  }
  throw new Error("No default approval policy: one must always exist");
}
