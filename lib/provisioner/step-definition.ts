import { z } from "zod";

import type { CreatedResource } from "@/lib/aws/steps/step-executor";
import { readJsonColumn } from "@/lib/domain/json/read-json-column";
import { planStepSchema } from "@/lib/domain/plan/plan-step-schema";
import type { PlanStep } from "@/lib/domain/plan/plan-types";

type StoredStep = { id: string; definition: unknown };
type StoredRecord = { id: string; outputs: unknown; createdResources: unknown };

/** The step a PlanStep row was planned as; a row that does not read as one stops the run, naming the row. */
export function stepDefinition(row: StoredStep): PlanStep {
  return readJsonColumn(planStepSchema, row.definition, { table: "PlanStep", column: "definition", id: row.id });
}

const outputsSchema = z.record(z.string(), z.string());
const createdSchema = z.array(z.object({ type: z.string(), id: z.string(), account: z.string(), region: z.string() }));

export function stepOutputs(row: StoredRecord): Record<string, string> {
  return readJsonColumn(outputsSchema, row.outputs ?? {}, { table: "PlanStep", column: "outputs", id: row.id });
}

/** What the step created: undo removes exactly these, so an unreadable list must not read as empty. */
export function stepCreated(row: StoredRecord): CreatedResource[] {
  return readJsonColumn(createdSchema, row.createdResources ?? [], { table: "PlanStep", column: "createdResources", id: row.id });
}
