import type { WebhookFormat } from "@/lib/db/generated/client";
import { NOTIFICATION_EVENT_LABELS } from "@/lib/domain/notification-events";

import type { EventPayload } from "@/lib/domain/notification-payload";

export const WEBHOOK_SCHEMA_VERSION = 1;

/** The body of one webhook call in the receiver's format (schema: docs/webhooks.md). */
export function webhookBody(format: WebhookFormat, eventId: string, event: EventPayload, baseUrl: string): unknown {
  const url = `${baseUrl}${event.path}`;
  if (format === "slack") return slackMessage(event, url);
  if (format === "teams") return teamsMessageCard(event, url);
  return {
    version: WEBHOOK_SCHEMA_VERSION,
    id: eventId,
    type: event.type,
    occurredAt: event.occurredAt,
    title: event.title,
    url,
    request: event.request,
    actor: event.actor,
    details: event.details,
  };
}

const facts = (event: EventPayload) => [
  { name: "Request", value: `#${event.request.number}` },
  { name: "Cluster", value: event.request.cluster.name },
  { name: "Environment", value: event.request.environment },
  { name: "Team", value: event.request.team.name },
  { name: "Requester", value: event.request.requester.name },
];

// Slack incoming webhooks take `text` (the notification and fallback) and Block Kit `blocks`.
function slackMessage(event: EventPayload, url: string) {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return {
    text: `${event.title} ${url}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*<${url}|${escape(event.title)}>*` } },
      { type: "section", fields: facts(event).map((f) => ({ type: "mrkdwn", text: `*${f.name}*\n${escape(f.value)}` })) },
      { type: "context", elements: [{ type: "mrkdwn", text: escape(NOTIFICATION_EVENT_LABELS[event.type].label) }] },
    ],
  };
}

// A Teams channel's incoming webhook (Office 365 connector) takes the legacy MessageCard as the whole body.
function teamsMessageCard(event: EventPayload, url: string) {
  return {
    "@type": "MessageCard",
    "@context": "https://schema.org/extensions",
    summary: event.title,
    themeColor: event.type === "request.provisioning-failed" || event.type === "request.drift-detected" ? "D13438" : "0078D7",
    title: event.title,
    sections: [{ activityTitle: NOTIFICATION_EVENT_LABELS[event.type].label, facts: facts(event), markdown: false }],
    potentialAction: [{ "@type": "OpenUri", name: "Open the request", targets: [{ os: "default", uri: url }] }],
  };
}
