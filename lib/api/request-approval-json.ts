import "server-only";

import type { z } from "zod";

import type { ApprovalView } from "@/lib/db/approval-policies/approval-views";

import type { requestApprovalJsonSchema } from "./schemas/approval-policy-schema";

export function requestApprovalJson(view: ApprovalView | null): z.infer<typeof requestApprovalJsonSchema> {
  const e = view?.evaluation ?? null;
  return {
    policy: e
      ? { id: e.policyId, name: e.policyName, version: e.policyVersion, isDefault: e.isDefault, why: e.why, outcome: e.outcome.kind, requireEndDate: e.requireEndDate, maxDurationDays: e.maxDurationDays, decommissionBy: e.decommissionBy }
      : null,
    satisfied: view?.progress?.satisfied ?? false,
    summary: view?.progress?.summary ?? null,
    needed: view?.progress?.needed ?? [],
    approvals: (view?.progress?.counted ?? []).map((a) => ({ by: a.label, at: a.at })),
    freeze: view?.hold ? { until: view.hold.until.toISOString(), reason: view.hold.reason } : null,
    freezeOverride: view?.override ? { by: view.override.by, reason: view.override.reason, at: view.override.at.toISOString() } : null,
  };
}
