import { z } from "zod";

import { REQUEST_STATUSES } from "@/lib/domain/lifecycle";
import { CONNECTION_METHODS } from "@/lib/domain/plan/plan-types";
import { AUTH_MODES, ENVIRONMENTS } from "@/lib/domain/request-input";
import { SCENARIOS } from "@/lib/domain/scenario";

import { clientJsonSchema, isoDateTime, pagingJson } from "./common";

export const requestSummaryJsonSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(REQUEST_STATUSES),
  version: z.number().int().meta({ description: "Send it back as `version` to act only if nobody changed the request since" }),
  scenario: z.enum(SCENARIOS),
  cluster: z.string().meta({ description: "The cluster's name" }),
  team: z.string().meta({ description: "The requesting team's slug" }),
  requester: z.string(),
  environment: z.enum(ENVIRONMENTS),
  authModes: z.array(z.enum(AUTH_MODES)),
  client: clientJsonSchema,
  createdAt: isoDateTime,
  endsAt: isoDateTime.nullable().meta({ description: "When the portal removes the connection by itself (reminders 7 days and 1 day before); null: no end date" }),
});

// A list row also says how the connection is made and whether AWS still matches it, as the list page does.
export const requestListItemJsonSchema = requestSummaryJsonSchema.extend({
  method: z.enum(CONNECTION_METHODS).nullable().meta({ description: "The plan's connection method; null while there is no plan" }),
  drifted: z.boolean().meta({ description: "An active connection whose last check found AWS changed" }),
});

export const requestListJsonSchema = z.object({ requests: z.array(requestListItemJsonSchema), ...pagingJson });

export const requestCreatedJsonSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  scenario: z.enum(SCENARIOS),
  status: z.enum(REQUEST_STATUSES),
});

export const transitionResultJsonSchema = z.object({
  id: z.string(),
  status: z.enum(REQUEST_STATUSES),
  version: z.number().int(),
  pending: z.string().optional().meta({ description: "When an approval was recorded but the request is not approved yet: what its policy still needs, or the change freeze holding it" }),
});
