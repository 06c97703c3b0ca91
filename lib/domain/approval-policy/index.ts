export {
  PLAN_TRAITS,
  PLAN_TRAIT_LABELS,
  POLICY_OUTCOME_KINDS,
  approvalPolicySchema,
  planTraits,
  policyMatchSchema,
  policyOutcomeSchema,
  type ApprovalPolicy,
  type PlanTrait,
  type PolicyMatch,
  type PolicyOutcome,
} from "./policy-schema";
export {
  evaluatePolicies,
  policyEvaluationSchema,
  policyMatches,
  resolvedOutcomeSchema,
  type PolicyEvaluation,
  type PolicySubject,
  type TeamRef,
  type ResolvedOutcome,
} from "./evaluate-policies";
export {
  approvalProgress,
  approvalWouldCount,
  recordedApprovalSchema,
  type ApprovalProgress,
  type ApprovalState,
  type ApproverCandidate,
  type RecordedApproval,
  type WouldCount,
} from "./approval-progress";
export { activeFreeze, freezeHolds, type ChangeFreezeWindow, type FreezeHold } from "./change-freeze";
export { freezeFormSchema, freezeOverrideSchema, policyFormSchema, type FreezeForm, type PolicyForm } from "./policy-form";
export type { ApprovalView } from "./approval-view";
export { describeMatch, describeOutcome } from "./policy-words";
