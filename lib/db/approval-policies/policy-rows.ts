import "server-only";

import { approvalPolicySchema, policyEvaluationSchema, type ApprovalPolicy, type PolicyEvaluation } from "@/lib/domain/approval-policy";
import { readJsonColumn } from "@/lib/domain/json/read-json-column";

import type { Prisma } from "../generated/client";

export type PolicyRow = ApprovalPolicy & { position: number; createdAt: Date; updatedBy: string; updatedAt: Date };

const WITH_CURRENT = { versions: { orderBy: { version: "desc" }, take: 1 } } as const;

type Row = Prisma.ApprovalPolicyGetPayload<{ include: typeof WITH_CURRENT }>;

// A policy decides who must approve: one that cannot be read stops the caller rather than being skipped.
function toPolicy(row: Row): PolicyRow {
  const current = row.versions[0];
  if (!current) throw new Error(`ApprovalPolicy ${row.id} has no version`);
  const policy = readJsonColumn(
    approvalPolicySchema,
    {
      id: row.id,
      name: current.name,
      version: current.version,
      isDefault: row.isDefault,
      match: current.match,
      outcome: current.outcome,
      requireEndDate: current.requireEndDate,
      maxDurationDays: current.maxDurationDays,
      decommissionBy: current.decommissionBy,
    },
    { table: "ApprovalPolicyVersion", column: "match/outcome", id: `${row.id}@${current.version}` },
  );
  return { ...policy, position: row.position, createdAt: row.createdAt, updatedBy: current.createdBy, updatedAt: current.createdAt };
}

/** The live policies in the order they are asked (the default one last). */
export async function loadPolicies(tx: Prisma.TransactionClient): Promise<PolicyRow[]> {
  const rows = await tx.approvalPolicy.findMany({ where: { deletedAt: null }, orderBy: [{ isDefault: "asc" }, { position: "asc" }], include: WITH_CURRENT });
  return rows.map(toPolicy);
}

export async function loadPolicy(tx: Prisma.TransactionClient, id: string): Promise<PolicyRow | null> {
  const row = await tx.approvalPolicy.findFirst({ where: { id, deletedAt: null }, include: WITH_CURRENT });
  return row ? toPolicy(row) : null;
}

/** AccessRequest.approvalPolicy: which policy applied and why; null before a plan is computed. */
export function readPolicyEvaluation(request: { id: string; approvalPolicy: unknown }): PolicyEvaluation | null {
  if (request.approvalPolicy === null || request.approvalPolicy === undefined) return null;
  return readJsonColumn(policyEvaluationSchema, request.approvalPolicy, { table: "AccessRequest", column: "approvalPolicy", id: request.id });
}
