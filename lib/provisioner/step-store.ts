import type { StepRecord } from "@/lib/aws/steps/step-executor";
import { asJson } from "@/lib/db/as-json";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { claimStepResources, keepStepClaims, releaseStepClaims } from "@/lib/db/claims/resource-claims";
import { db } from "@/lib/db/client";
import { stepKindColumn } from "@/lib/db/enums/domain-enums";
import type { Prisma } from "@/lib/db/generated/client";
import type { PlanStep } from "@/lib/domain/plan/plan-types";

import { stepCreated, stepOutputs } from "./step-definition";

export type StepRow = Awaited<ReturnType<typeof loadSteps>>[number];

export const PROVISIONER = { kind: "system", label: "provisioner" } as const;

export function loadSteps(requestId: string) {
  return db().planStep.findMany({ where: { requestId }, orderBy: { position: "asc" } });
}

// Written in the same transaction that moves the request to PROVISIONING (what the plan relies on without a
// step was claimed at approval: claims-follow-status.ts). On a retry the rows exist already: what finished
// stays finished, and what failed half way starts again from its recorded progress.
export async function materializeSteps(tx: Prisma.TransactionClient, requestId: string, steps: PlanStep[]) {
  const existing = await tx.planStep.count({ where: { requestId } });
  if (existing > 0) {
    await tx.planStep.updateMany({
      where: { requestId, status: { in: ["FAILED", "RUNNING"] } },
      data: { status: "PENDING", error: null, waitingFor: null },
    });
    return;
  }
  await tx.planStep.createMany({
    data: steps.map((step, position) => ({
      requestId,
      key: step.key,
      position,
      kind: stepKindColumn.toDb(step.kind),
      accountId: step.account,
      region: step.region,
      command: step.command,
      input: asJson(step.input),
      definition: asJson(step),
      awsRequestIds: [],
    })),
  });
}

// Relied-on ids are not kept on the row: the step's claims are where they live.
export function recordOf(row: StepRow): StepRecord {
  return {
    outputs: stepOutputs(row),
    created: stepCreated(row),
    requestIds: row.awsRequestIds,
  };
}

export function hasRecord(row: StepRow): boolean {
  const record = recordOf(row);
  return record.created.length > 0 || Object.keys(record.outputs).length > 0;
}

// Saved before the executor makes its next AWS call, so that a crash between two calls loses no resource id;
// the claims on what the record names commit with it.
export async function saveProgress(row: StepRow, record: StepRecord, extra: Prisma.PlanStepUpdateInput = {}) {
  await db().$transaction(async (tx) => {
    await tx.planStep.update({
      where: { id: row.id },
      data: {
        outputs: asJson(record.outputs),
        createdResources: asJson(record.created),
        awsRequestIds: [...new Set(record.requestIds)],
        ...extra,
      },
    });
    await claimStepResources(tx, row, record);
  });
}

type StepAudit = { action: string; details?: Prisma.InputJsonObject; resourceIds?: string[] };

// A step's status change and its audit event commit together; so does the end of an undone step's claims.
export async function updateStep(row: StepRow, data: Prisma.PlanStepUpdateInput, audit?: StepAudit) {
  await db().$transaction(async (tx) => {
    await tx.planStep.update({ where: { id: row.id }, data });
    if (data.status === "UNDONE") await releaseStepClaims(tx, row);
    // Only a teardown that keeps what the step made sets SKIPPED (a step that made nothing becomes UNDONE).
    if (data.status === "SKIPPED") await keepStepClaims(tx, row);
    if (audit) {
      await recordAuditEvent(tx, {
        actor: PROVISIONER,
        action: audit.action,
        requestId: row.requestId,
        accountId: row.accountId,
        region: row.region,
        resourceIds: audit.resourceIds ?? [],
        details: { step: row.key, kind: stepKindColumn.fromDb(row.kind), ...audit.details },
      });
    }
  });
}
