import { z } from "zod";

import { DECOMMISSION_BY } from "../decommission-by";
import { safeText } from "../validation/safe-text";

import { CONNECTION_METHODS, type StepKind } from "../plan/plan-types";
import { AUTH_MODES, ENVIRONMENTS } from "../request-input";
import { SCENARIOS } from "../scenario";

/** What a plan does that a policy may ask about: its size and the risky kinds of change in it. */
export const PLAN_TRAITS = ["creates-peering", "touches-transit-gateway", "changes-cluster-policy", "creates-sg-rules"] as const;
export type PlanTrait = (typeof PLAN_TRAITS)[number];

export const PLAN_TRAIT_LABELS: Record<PlanTrait, string> = {
  "creates-peering": "creates a peering",
  "touches-transit-gateway": "touches a transit gateway",
  "changes-cluster-policy": "changes a cluster policy",
  "creates-sg-rules": "creates security group rules",
};

const TRAIT_STEP_KINDS: Record<PlanTrait, readonly StepKind[]> = {
  "creates-peering": ["create-peering"],
  "touches-transit-gateway": ["share-tgw", "attach-vpc-to-tgw", "accept-tgw-attachment", "associate-tgw-route-table", "enable-tgw-propagation"],
  "changes-cluster-policy": ["put-cluster-policy"],
  "creates-sg-rules": ["authorize-sg-ingress", "create-vpc-connection-sg"],
};

/** The traits of a plan, read from the kinds of its steps. */
export function planTraits(steps: readonly { kind: StepKind }[]): PlanTrait[] {
  return PLAN_TRAITS.filter((trait) => steps.some((s) => TRAIT_STEP_KINDS[trait].includes(s.kind)));
}

// Teams are named by their ids; the words people read use their slugs.
const teamIdSchema = z.string().min(1, { error: "Choose a team" });

// Every list left empty matches anything; a list with values matches when the request's value is one of them.
export const policyMatchSchema = z.object({
  environments: z.array(z.enum(ENVIRONMENTS)).default([]),
  scenarios: z.array(z.enum(SCENARIOS)).default([]),
  methods: z.array(z.enum(CONNECTION_METHODS)).default([]),
  clusterArns: z.array(z.string().min(1)).default([]),
  clientAccountIds: z.array(z.string().regex(/^\d{12}$/, { error: "An account id has 12 digits" })).default([]),
  teams: z.array(teamIdSchema).default([]),
  /** Matches when the request uses any of these auth modes. */
  authModes: z.array(z.enum(AUTH_MODES)).default([]),
  /** Matches when the plan has every one of these traits. */
  traits: z.array(z.enum(PLAN_TRAITS)).default([]),
  /** Matches when the plan has at least this many steps. */
  minSteps: z.number().int().min(1).max(1000).nullable().default(null),
});
export type PolicyMatch = z.infer<typeof policyMatchSchema>;

export const POLICY_OUTCOME_KINDS = ["auto-approve", "approvals", "reject"] as const;

export const policyOutcomeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("auto-approve") }),
  z.object({
    kind: z.literal("approvals"),
    count: z.number().int().min(1, { error: "At least one approval" }).max(10, { error: "At most 10 approvals" }),
    /** At least one approval from a member of this team (its id). */
    fromTeam: teamIdSchema.nullable().default(null),
    /** At least one approval from a member of the team that owns the cluster. */
    fromClusterOwner: z.boolean().default(false),
  }),
  z.object({ kind: z.literal("reject"), reason: safeText({ min: 5, tooShort: "Say why (at least 5 characters); the requester reads this", max: 500, tooLong: "Keep the reason under 500 characters" }) }),
]);
export type PolicyOutcome = z.infer<typeof policyOutcomeSchema>;

/** One version of one policy, as the engine reads it. */
export const approvalPolicySchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int().min(1),
  isDefault: z.boolean(),
  match: policyMatchSchema,
  outcome: policyOutcomeSchema,
  /** For expiry: whether a request must carry an end date, and the longest it may last. */
  requireEndDate: z.boolean().default(false),
  maxDurationDays: z.number().int().min(1).max(3650).nullable().default(null),
  /** Who may decommission a connection this policy applied to. */
  decommissionBy: z.enum(DECOMMISSION_BY).default("team-or-operator"),
});
export type ApprovalPolicy = z.infer<typeof approvalPolicySchema>;
