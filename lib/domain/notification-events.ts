// What the portal tells people about a request, and through which channels by default. Pure: lib/notifications
// writes and sends, the preferences page and the webhook form read the lists from here.

export const NOTIFICATION_EVENT_TYPES = [
  "request.filed",
  "request.awaiting-approval",
  "request.approved",
  "request.rejected",
  "request.provisioning-failed",
  "request.active",
  "request.drift-detected",
  "request.expiring-soon",
  "request.extended",
  "request.decommissioned",
] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENT_TYPES)[number];

export function isNotificationEventType(value: string): value is NotificationEventType {
  return (NOTIFICATION_EVENT_TYPES as readonly string[]).includes(value);
}

export const NOTIFICATION_CHANNELS = ["inApp", "email"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export type ChannelChoice = Record<NotificationChannel, boolean>;

export const NOTIFICATION_EVENT_LABELS: Record<NotificationEventType, { label: string; describe: string }> = {
  "request.filed": { label: "Filed", describe: "Someone in your team filed a request" },
  "request.awaiting-approval": { label: "Waiting for your approval", describe: "A request needs a decision you can make" },
  "request.approved": { label: "Approved", describe: "A request of your team was approved" },
  "request.rejected": { label: "Rejected", describe: "A request of your team was rejected" },
  "request.provisioning-failed": { label: "Provisioning failed", describe: "Building, rolling back or removing a connection failed" },
  "request.active": { label: "Active", describe: "A connection is ready, with its connection details" },
  "request.drift-detected": { label: "Drift detected", describe: "AWS no longer matches what was provisioned" },
  "request.expiring-soon": { label: "Expiring soon", describe: "A connection reaches its end date soon" },
  "request.extended": { label: "Extended", describe: "A connection's end date was moved" },
  "request.decommissioned": { label: "Decommissioned", describe: "A connection was removed" },
};

// Everything shows in the portal. E-mail by default for what someone has to act on or would want to know away
// from the portal; a team member's filing and an extension they asked for themselves stay in-app.
const EMAIL_OFF_BY_DEFAULT: ReadonlySet<NotificationEventType> = new Set(["request.filed", "request.extended"]);

export function defaultChannels(type: NotificationEventType): ChannelChoice {
  return { inApp: true, email: !EMAIL_OFF_BY_DEFAULT.has(type) };
}

/** A person's stored choices over the defaults; a stored row for an event replaces its default entirely. */
export function effectiveChannels(
  stored: readonly { eventType: string; inApp: boolean; email: boolean }[],
): Record<NotificationEventType, ChannelChoice> {
  const byType = new Map(stored.map((row) => [row.eventType, { inApp: row.inApp, email: row.email }]));
  return Object.fromEntries(
    NOTIFICATION_EVENT_TYPES.map((type) => [type, byType.get(type) ?? defaultChannels(type)]),
  ) as Record<NotificationEventType, ChannelChoice>;
}

export type NotificationFacts = {
  number: number;
  clusterName: string;
  environment: string;
  actorName?: string | null;
  details?: Record<string, unknown>;
};

/** The one-line text of an in-app item, an e-mail's subject and a chat message's first line. */
export function notificationTitle(type: NotificationEventType, facts: NotificationFacts): string {
  const subject = `Request #${facts.number} (${facts.clusterName}, ${facts.environment})`;
  const by = facts.actorName ? ` by ${facts.actorName}` : "";
  const endsAt = typeof facts.details?.endsAt === "string" ? facts.details.endsAt.slice(0, 10) : null;
  switch (type) {
    case "request.filed":
      return `${subject} was filed${by}`;
    case "request.awaiting-approval":
      return `${subject} is waiting for your approval`;
    case "request.approved":
      return `${subject} was approved${by}`;
    case "request.rejected":
      return `${subject} was rejected${by}`;
    case "request.provisioning-failed":
      return `${subject} failed`;
    case "request.active":
      return `${subject} is active: its connection details are ready`;
    case "request.drift-detected":
      return `${subject} no longer matches AWS`;
    case "request.expiring-soon":
      return endsAt ? `${subject} expires on ${endsAt}` : `${subject} expires soon`;
    case "request.extended":
      return endsAt ? `${subject} was extended to ${endsAt}${by}` : `${subject} was extended${by}`;
    case "request.decommissioned":
      return `${subject} was decommissioned`;
  }
}

/** Where a notification leads: the request, or for a new connection straight to its connection details. */
export function notificationPath(type: NotificationEventType, requestId: string): string {
  return type === "request.active" ? `/requests/${requestId}#connection-details` : `/requests/${requestId}`;
}

// The lifecycle steps people hear about. Keyed by action, not by status: a retry also leads to APPROVED and
// is not a new approval.
const TRANSITION_EVENTS: Partial<Record<string, NotificationEventType>> = {
  approve: "request.approved",
  reject: "request.rejected",
  fail: "request.provisioning-failed",
  activate: "request.active",
  "finish-decommission": "request.decommissioned",
};

export function notificationOfTransition(action: string): NotificationEventType | null {
  return TRANSITION_EVENTS[action] ?? null;
}
