import { z } from "zod";

import { NOTIFICATION_EVENT_TYPES } from "@/lib/domain/notification-events";

// What notify() stores with each outbox row: the request as it was when the event happened, so a message sent
// later (after retries) still describes that moment.
export const eventPayloadSchema = z.object({
  type: z.enum(NOTIFICATION_EVENT_TYPES),
  occurredAt: z.string(),
  title: z.string(),
  path: z.string(),
  request: z.object({
    id: z.string(),
    number: z.number().int(),
    status: z.string(),
    environment: z.string(),
    scenario: z.string(),
    cluster: z.object({ name: z.string(), arn: z.string() }),
    team: z.object({ slug: z.string(), name: z.string() }),
    requester: z.object({ name: z.string(), email: z.string() }),
  }),
  actor: z.object({ name: z.string(), email: z.string() }).nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type EventPayload = z.infer<typeof eventPayloadSchema>;
