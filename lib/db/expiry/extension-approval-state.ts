import "server-only";

import { z } from "zod";

import { policyEvaluationSchema, recordedApprovalSchema, type ApprovalState, type PolicyEvaluation } from "@/lib/domain/approval-policy";
import { readJsonColumn } from "@/lib/domain/json/read-json-column";

/** `ownerTeam`: the cluster's owner team now, for a policy that asked for one when none was set. */
type StoredExtension = { id: string; requestedById: string; approvalPolicy: unknown; approvals: unknown; ownerTeam?: { id: string; slug: string } | null };

const approvalsSchema = z.array(recordedApprovalSchema);

/**
 * RequestExtension.approvalPolicy and .approvals: the policy that applied when the extension was asked and the
 * approvals that counted since. Null for an extension asked before policies applied to extensions.
 */
export function readExtensionApprovals(extension: StoredExtension): { evaluation: PolicyEvaluation; state: ApprovalState } | null {
  if (extension.approvalPolicy === null || extension.approvalPolicy === undefined) return null;
  const ref = { table: "RequestExtension", id: extension.id };
  const evaluation = readJsonColumn(policyEvaluationSchema, extension.approvalPolicy, { ...ref, column: "approvalPolicy" });
  const approvals = readJsonColumn(approvalsSchema, extension.approvals ?? [], { ...ref, column: "approvals" });
  // An extension has no re-plan: an owner team an admin names after it was asked is taken from the cluster,
  // so "one from the owning team" can be met instead of waiting for ever.
  const outcome = evaluation.outcome;
  if (outcome.kind === "approvals" && outcome.clusterOwner && outcome.clusterOwner.team === null && extension.ownerTeam) {
    const withOwner = { ...outcome, clusterOwner: { ...outcome.clusterOwner, team: extension.ownerTeam } };
    return { evaluation: { ...evaluation, outcome: withOwner }, state: { outcome: withOwner, approvals, requesterId: extension.requestedById } };
  }
  // The asker is the one whose approval never counts; the request's requester is refused before (permissions).
  return { evaluation, state: { outcome: evaluation.outcome, approvals, requesterId: extension.requestedById } };
}
