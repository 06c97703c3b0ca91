import { z } from "zod";

import { isoDateTime } from "./common";

export const auditEventJsonSchema = z.object({
  id: z.string(),
  at: isoDateTime,
  actor: z.string(),
  action: z.string().meta({ description: "request.approve, step.succeed, catalog.refresh, …" }),
  requestId: z.string().nullable(),
  requestNumber: z.number().int().nullable(),
  accountId: z.string().nullable(),
  region: z.string().nullable(),
  resourceIds: z.array(z.string()),
  details: z.unknown().meta({ description: "What the event recorded; its shape depends on the action" }),
});

export const auditListJsonSchema = z.object({
  events: z.array(auditEventJsonSchema),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next (older) page; null on the last page" }),
});
