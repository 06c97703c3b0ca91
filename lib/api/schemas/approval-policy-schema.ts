import { z } from "zod";

import { DECOMMISSION_BY } from "@/lib/domain/decommission-by";

import { isoDateTime } from "./common";

/** How a request is approved: the policy that applied, who approved, what is still needed, and any freeze. */
export const requestApprovalJsonSchema = z.object({
  policy: z
    .object({
      id: z.string(),
      name: z.string(),
      version: z.number().int(),
      isDefault: z.boolean(),
      why: z.array(z.string()).meta({ description: "Why it matched: the criteria that held, or that no other policy matched" }),
      outcome: z.enum(["auto-approve", "approvals", "reject"]),
      requireEndDate: z.boolean(),
      maxDurationDays: z.number().int().nullable(),
      decommissionBy: z.enum(DECOMMISSION_BY).meta({ description: "Who may decommission the connection: its team or an operator, or operators only" }),
    })
    .nullable()
    .meta({ description: "The approval policy that applied when the plan was computed; null before there is a plan" }),
  satisfied: z.boolean().meta({ description: "Whether every approval the policy asks for is in" }),
  summary: z.string().nullable().meta({ description: 'For example "1 of 2 approvals; needs one from platform-network"' }),
  needed: z.array(z.string()).meta({ description: "What is still missing, one phrase each" }),
  approvals: z.array(z.object({ by: z.string(), at: isoDateTime })).meta({ description: "The approvals that count, oldest first" }),
  freeze: z
    .object({ until: isoDateTime, reason: z.string() })
    .nullable()
    .meta({ description: "The change freeze holding the request (from approval or from starting to provision) now; null when none" }),
  freezeOverride: z.object({ by: z.string(), reason: z.string(), at: isoDateTime }).nullable().meta({ description: "An admin let this request through change freezes" }),
});
