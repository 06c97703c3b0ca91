import "server-only";

import { approvalProgress } from "@/lib/domain/approval-policy";

import { db } from "../client";
import { readExtensionApprovals } from "./extension-approval-state";

/**
 * A request's extensions, newest first, with who asked and who decided and, where a policy applied, its name
 * and how far the approvals have come ("1 of 2 approvals; needs one from platform-network").
 */
export async function loadExtensions(requestId: string) {
  const rows = await db().requestExtension.findMany({
    where: { requestId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      fromEndsAt: true,
      toEndsAt: true,
      reason: true,
      status: true,
      decisionComment: true,
      decidedAt: true,
      createdAt: true,
      requestedById: true,
      requestedBy: { select: { email: true } },
      decidedBy: { select: { email: true } },
      approvalPolicy: true,
      approvals: true,
      request: { select: { cluster: { select: { ownerTeam: { select: { id: true, slug: true } } } } } },
    },
  });
  return rows.map(({ approvalPolicy, approvals, request, ...row }) => {
    const read = readExtensionApprovals({ id: row.id, requestedById: row.requestedById, approvalPolicy, approvals, ownerTeam: request.cluster.ownerTeam });
    const policy = read
      ? { name: read.evaluation.policyName, version: read.evaluation.policyVersion, progress: approvalProgress(read.state).summary, approvedBy: read.state.approvals.map((a) => a.label) }
      : null;
    return { ...row, policy, approvalState: read?.state ?? null };
  });
}

export type ExtensionRow = Awaited<ReturnType<typeof loadExtensions>>[number];
