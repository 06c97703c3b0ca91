import { z } from "zod";

import { DECOMMISSION_BY } from "../decommission-by";
import { safeText } from "../validation/safe-text";

import { policyMatchSchema, policyOutcomeSchema } from "./policy-schema";

/** What an admin saves for one policy; every save of an existing policy becomes its next version. */
export const policyFormSchema = z.object({
  name: safeText({ min: 3, tooShort: "Name the policy (at least 3 characters)", max: 120, tooLong: "Keep the name under 120 characters" }),
  match: policyMatchSchema,
  outcome: policyOutcomeSchema,
  requireEndDate: z.boolean(),
  maxDurationDays: z.number({ error: "A whole number of days" }).int({ error: "A whole number of days" }).min(1, { error: "At least 1 day" }).max(3650, { error: "At most 3650 days" }).nullable(),
  // Left out (an older form, a script): the rule before policies said so.
  decommissionBy: z.enum(DECOMMISSION_BY, { error: "Choose who may decommission" }).default("team-or-operator"),
});
export type PolicyForm = z.infer<typeof policyFormSchema>;

/** A change freeze as an admin enters it; times are UTC. */
export const freezeFormSchema = z
  .object({
    startsAt: z.date({ error: "Enter when the freeze starts (UTC)" }),
    endsAt: z.date({ error: "Enter when the freeze ends (UTC)" }),
    reason: safeText({ min: 5, tooShort: "Say why (at least 5 characters); people held by it read this", max: 300, tooLong: "Keep the reason under 300 characters" }),
  })
  .refine((f) => f.endsAt > f.startsAt, { path: ["endsAt"], message: "The freeze must end after it starts" });
export type FreezeForm = z.infer<typeof freezeFormSchema>;

/** An admin letting one request through the freezes. */
export const freezeOverrideSchema = z.object({
  requestId: z.string().min(1),
  reason: safeText({ min: 5, tooShort: "Say why this request goes ahead during the freeze (at least 5 characters)", max: 300, tooLong: "Keep the reason under 300 characters" }),
});
