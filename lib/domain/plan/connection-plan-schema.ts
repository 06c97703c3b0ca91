import { z } from "zod";

import { SCENARIOS } from "../scenario";
import { clientSettingsSchema } from "./connection-details";
import { planStepSchema } from "./plan-step-schema";
import { CONNECTION_METHODS, TGW_TABLE_RELATIONS, type ConnectionPlan, type PreflightFinding, type Topology } from "./plan-types";
import type { PolicyDocument } from "./facts";

const oneOrMany = z.union([z.string(), z.array(z.string())]);

const policyDocumentSchema = z.object({
  Version: z.literal("2012-10-17"),
  Statement: z.array(
    z.object({
      Sid: z.string().optional(),
      Effect: z.enum(["Allow", "Deny"]),
      Principal: z.union([z.object({ AWS: oneOrMany }), z.literal("*")]).optional(),
      Action: oneOrMany,
      Resource: oneOrMany,
      Condition: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
}) satisfies z.ZodType<PolicyDocument>;

const preflightFindingSchema = z.object({
  severity: z.enum(["block", "warn", "info"]),
  code: z.string(),
  message: z.string(),
  remedy: z.string(),
  rule: z.string().optional(),
}) satisfies z.ZodType<PreflightFinding>;

const topologyEndSchema = z.object({
  label: z.string(),
  account: z.string().nullable(),
  region: z.string().nullable(),
  vpcId: z.string().nullable(),
  cidrs: z.array(z.string()),
});

const topologySchema = z.object({
  client: topologyEndSchema,
  cluster: topologyEndSchema,
  link: z.object({ kind: z.enum(CONNECTION_METHODS), id: z.string().nullable(), label: z.string() }),
  securityGroupRule: z.object({ groupId: z.string(), ports: z.array(z.number()), sources: z.array(z.string()) }).nullable(),
}) satisfies z.ZodType<Topology>;

/** A plan as the planner stores it, checked field by field: approval, provisioning and the pages act on it. */
export const connectionPlanSchema = z.object({
  scenario: z.enum(SCENARIOS),
  method: z.enum(CONNECTION_METHODS),
  steps: z.array(planStepSchema),
  preflight: z.array(preflightFindingSchema),
  approvable: z.boolean(),
  ports: z.array(z.number().int()),
  bootstrap: z.string().nullable(),
  clientSettings: clientSettingsSchema,
  iamPolicy: policyDocumentSchema.nullable(),
  topology: topologySchema,
  // Plans stored before the planner recorded what it relies on relied on nothing it knew of.
  reuses: z.array(z.string()).default([]),
  // Plans stored before it was recorded: their TGW table ids are read as "linked either way".
  tgwTableReuses: z.array(z.object({ id: z.string(), relation: z.enum(TGW_TABLE_RELATIONS) })).default([]),
  // Plans stored before places were recorded: their claims have none, and a check asks each place in turn.
  reusedIn: z.array(z.object({ id: z.string(), account: z.string(), region: z.string() })).default([]),
}) satisfies z.ZodType<ConnectionPlan, unknown>;

export const plannedSchema = z.object({ computedAt: z.string(), plan: connectionPlanSchema });
export const planningFailedSchema = z.object({ computedAt: z.string(), error: z.object({ message: z.string(), field: z.string().optional() }) });
