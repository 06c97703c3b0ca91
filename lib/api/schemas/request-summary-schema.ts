import { z } from "zod";

import { REQUEST_STATUSES } from "@/lib/domain/lifecycle";
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
});

export const requestListJsonSchema = z.object({ requests: z.array(requestSummaryJsonSchema), ...pagingJson });

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
});
