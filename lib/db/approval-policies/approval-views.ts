import "server-only";

import { approvalProgress, freezeHolds, type ApprovalView } from "@/lib/domain/approval-policy";

export type { ApprovalView } from "@/lib/domain/approval-policy";

import { db } from "../client";
import { readPolicyEvaluation } from "./policy-rows";

const HELD_STATUSES = new Set(["SUBMITTED", "APPROVED"]);

/** The approval of each request named, in one read of each table. */
export async function approvalViews(requestIds: readonly string[], now = new Date()): Promise<Map<string, ApprovalView>> {
  const ids = [...new Set(requestIds)];
  if (ids.length === 0) return new Map();
  const prisma = db();
  const [requests, approvals, windows] = await Promise.all([
    prisma.accessRequest.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, requesterId: true, approvalPolicy: true, freezeOverride: true } }),
    prisma.approval.findMany({ where: { requestId: { in: ids } }, orderBy: { createdAt: "asc" }, include: { user: { select: { email: true } } } }),
    prisma.changeFreeze.findMany({ where: { endsAt: { gt: now } } }),
  ]);
  return new Map(
    requests.map((r) => {
      const evaluation = readPolicyEvaluation(r);
      const recorded = approvals
        .filter((a) => a.requestId === r.id)
        .map((a) => ({ userId: a.userId, label: a.user.email, teams: a.teamIds, at: a.createdAt.toISOString() }));
      const state = evaluation ? { outcome: evaluation.outcome, approvals: recorded, requesterId: r.requesterId } : null;
      const override = r.freezeOverride ? { reason: r.freezeOverride.reason, by: r.freezeOverride.createdBy, at: r.freezeOverride.createdAt } : null;
      const hold = HELD_STATUSES.has(r.status) ? freezeHolds(windows, now, override !== null) : null;
      const view: ApprovalView = { evaluation, state, progress: state ? approvalProgress(state) : null, approvals: recorded, hold, override };
      return [r.id, view];
    }),
  );
}

export async function approvalViewOf(requestId: string): Promise<ApprovalView | null> {
  return (await approvalViews([requestId])).get(requestId) ?? null;
}
