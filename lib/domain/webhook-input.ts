import { z } from "zod";

import { NOTIFICATION_EVENT_TYPES } from "./notification-events";
import { safeText } from "./validation/safe-text";

export const WEBHOOK_FORMATS = ["generic", "slack", "teams"] as const;
export type WebhookFormatChoice = (typeof WEBHOOK_FORMATS)[number];

export const WEBHOOK_FORMAT_LABELS: Record<WebhookFormatChoice, string> = {
  generic: "Generic JSON (signed, versioned)",
  slack: "Slack incoming webhook",
  teams: "Microsoft Teams incoming webhook",
};

// What an administrator enters for an outgoing webhook. An empty secret asks the portal to make one.
export const webhookInputSchema = z.object({
  name: safeText({ min: 1, tooShort: "Give the webhook a name.", max: 100, tooLong: "At most 100 characters." }),
  url: z
    .string()
    .trim()
    .url("Enter the receiver's full URL, e.g. https://hooks.example.com/portal.")
    .max(2000, "At most 2,000 characters.")
    .refine((u) => /^https?:\/\//i.test(u), "Only http:// and https:// URLs can receive webhooks."),
  format: z.enum(WEBHOOK_FORMATS, { message: "Choose a format." }),
  events: z.array(z.enum(NOTIFICATION_EVENT_TYPES)).min(1, "Choose at least one event."),
  secret: z.union([z.literal(""), z.string().min(16, "At least 16 characters, or leave empty to have one made.").max(200, "At most 200 characters.")]),
});
export type WebhookInput = z.infer<typeof webhookInputSchema>;
