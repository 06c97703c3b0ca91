import type { WebhookFormat } from "@/lib/db/generated/client";

import type { EventPayload } from "@/lib/domain/notification-payload";
import { webhookBody } from "./webhook-body";
import { SIGNATURE_HEADER, signWebhook } from "./webhook-signature";

export type WebhookTarget = { url: string; format: WebhookFormat; secret: string };

const TIMEOUT_MS = 10_000;

/** One webhook call; throws with the receiver's status and the start of its answer when it is not a 2xx. */
export async function sendWebhook(target: WebhookTarget, eventId: string, event: EventPayload, baseUrl: string, now: Date): Promise<void> {
  const body = JSON.stringify(webhookBody(target.format, eventId, event, baseUrl));
  const timestamp = Math.floor(now.getTime() / 1000);
  const response = await fetch(target.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "msk-portal-webhooks/1",
      "x-portal-event": event.type,
      "x-portal-delivery": eventId,
      [SIGNATURE_HEADER.toLowerCase()]: signWebhook(target.secret, body, timestamp),
    },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (response.status >= 200 && response.status < 300) return;
  const answer = (await response.text().catch(() => "")).slice(0, 200);
  throw new Error(`HTTP ${response.status}${answer ? `: ${answer}` : ""}`);
}
