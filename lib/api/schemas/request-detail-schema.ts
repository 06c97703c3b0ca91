import { z } from "zod";

import { pathAnalysisResultSchema } from "@/lib/domain/path-analysis/path-analysis-result";
import { REQUEST_OPERATIONS } from "@/lib/domain/permissions";

import { clientJsonSchema, isoDateTime } from "./common";
import { requestApprovalJsonSchema } from "./approval-policy-schema";
import { connectionJsonSchema } from "./connection-schema";
import { costEstimateJsonSchema } from "./cost-schema";
import { planJsonSchema } from "./plan-schema";
import { requestSummaryJsonSchema } from "./request-summary-schema";

const topicAccessJsonSchema = z.object({ readTopics: z.array(z.string()), writeTopics: z.array(z.string()), consumerGroups: z.array(z.string()) });

const extensionJsonSchema = z.object({
  id: z.string(),
  fromEndsAt: isoDateTime,
  toEndsAt: isoDateTime,
  reason: z.string(),
  status: z.enum(["PENDING", "APPROVED", "REJECTED"]),
  askedBy: z.string(),
  askedAt: isoDateTime,
  decidedBy: z.string().nullable().meta({ description: "Who decided; null while waiting, or when its approval policy decided by itself" }),
  decidedAt: isoDateTime.nullable(),
  comment: z.string().nullable().meta({ description: "The decider's comment, or the policy's name or reason when it decided by itself" }),
  policy: z
    .object({ name: z.string(), version: z.number().int(), progress: z.string(), approvedBy: z.array(z.string()) })
    .nullable()
    .meta({ description: "The approval policy that applied when it was asked, and how far its approvals have come; null for one asked before policies applied to extensions" }),
});

/** One request as its page shows it to the caller. */
export const requestDetailJsonSchema = requestSummaryJsonSchema.extend({
  cluster: z.object({ arn: z.string(), name: z.string(), accountId: z.string(), region: z.string() }),
  client: clientJsonSchema,
  justification: z.string(),
  preferredMethod: z.literal("multi-vpc-private-connectivity").nullable(),
  topicAccess: topicAccessJsonSchema.nullable().meta({ description: "The topics and groups the IAM policy is narrowed to; null: every topic" }),
  plan: planJsonSchema,
  expectedGbPerMonth: z.number().int().nullable().meta({ description: "The requester's expected traffic in GB a month; null: not given" }),
  cost: costEstimateJsonSchema.nullable().meta({ description: "Estimated monthly cost of what the plan adds (AWS list prices); null while there is no plan" }),
  approval: z.object({
    approvable: z.boolean().meta({ description: "Whether an approver (not its requester) may approve the request now" }),
    reason: z.string().nullable().meta({ description: "Why not: its status, a plan that could not be computed, or blocking preflight findings" }),
  }),
  needsChanges: z
    .array(z.object({ code: z.string(), message: z.string(), remedy: z.string() }))
    .nullable()
    .meta({ description: "For a SUBMITTED request whose plan has blocking findings: what the requester must change. Such a request is not in the approval queue; null otherwise" }),
  approvalPolicy: requestApprovalJsonSchema,
  actions: z.array(z.enum(REQUEST_OPERATIONS)).meta({ description: "What the caller may do now, each a POST /api/v1/requests/{id}/<action>: the lifecycle actions, re-planning a submitted request, checking an active one for drift" }),
  decision: z.object({ by: z.string(), comment: z.string().nullable(), at: isoDateTime.nullable() }).nullable(),
  failure: z.string().nullable().meta({ description: "For a FAILED request: why provisioning stopped" }),
  drift: z
    .object({ checkedAt: isoDateTime.nullable(), findings: z.array(z.object({ step: z.string(), summary: z.string(), problem: z.string() })) })
    .nullable()
    .meta({ description: "Where AWS no longer matches what an active request built; null when it matched at the last check" }),
  pathAnalysis: pathAnalysisResultSchema
    .nullable()
    .meta({ description: "The latest VPC Reachability Analyzer result: per port, found or not, the hops and AWS's explanation codes; or why the request was not analysed" }),
  connection: connectionJsonSchema.nullable().meta({ description: "Present once the request is ACTIVE" }),
  extensions: z.array(extensionJsonSchema).meta({ description: "Extensions of the end date asked for, newest first" }),
  timeline: z.array(z.object({ at: isoDateTime, actor: z.string(), action: z.string(), comment: z.string().nullable() })),
});
