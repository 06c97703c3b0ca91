import "server-only";

import { z } from "zod";

import { policyEvaluationSchema, recordedApprovalSchema, type ApprovalState, type PolicyEvaluation } from "@/lib/domain/approval-policy";
import { readJsonColumn } from "@/lib/domain/json/read-json-column";

type StoredExtension = { id: string; requestedById: string; approvalPolicy: unknown; approvals: unknown };

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
  // The asker is the one whose approval never counts; the request's requester is refused before (permissions).
  return { evaluation, state: { outcome: evaluation.outcome, approvals, requesterId: extension.requestedById } };
}
