import "server-only";

import type { z } from "zod";

import type { RequestStatus } from "@/lib/domain/lifecycle";
import type { StoredPlan } from "@/lib/domain/plan/stored-plan";
import { stepCreated } from "@/lib/provisioner/step-definition";
import { stepOutcomeLabel } from "@/lib/provisioner/step-outcome";

import type { planJsonSchema, STEP_STATUSES } from "./schemas/plan-schema";

type StepRow = {
  id: string;
  key: string;
  status: (typeof STEP_STATUSES)[number];
  attempts: number;
  error: string | null;
  waitingFor: string | null;
  outputs: unknown;
  createdResources: unknown;
};

/** The plan as the request page shows it: method, ports, preflight, and each step with its progress once it runs. */
export function planJson(stored: StoredPlan | null, status: RequestStatus, rows: StepRow[]): z.infer<typeof planJsonSchema> {
  if (!stored) return { state: "none" };
  if (stored.error) return { state: "failed", computedAt: stored.computedAt, error: { message: stored.error.message, field: stored.error.field ?? null } };
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return {
    state: "computed",
    computedAt: stored.computedAt,
    method: stored.plan.method,
    ports: stored.plan.ports,
    preflight: stored.plan.preflight.map((f) => ({ severity: f.severity, code: f.code, message: f.message, remedy: f.remedy, rule: f.rule ?? null })),
    steps: stored.plan.steps.map((step) => {
      const row = byKey.get(step.key);
      return {
        key: step.key,
        kind: step.kind,
        account: step.account,
        region: step.region,
        command: step.command,
        input: step.input,
        dependsOn: step.dependsOn,
        summary: step.summary,
        progress: row
          ? {
              status: row.status,
              attempts: row.attempts,
              error: row.error,
              waitingFor: row.waitingFor,
              createdResources: stepCreated(row),
              outcome: stepOutcomeLabel(status, row),
            }
          : null,
      };
    }),
  };
}
