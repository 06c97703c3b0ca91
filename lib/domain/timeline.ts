/** Audit events of a request as its page and the JSON API show them. */
type EventLike = { action: string; details: unknown };

// The request's own history; individual step events belong with their steps.
export function timelineEvents<T extends { action: string }>(events: T[]): T[] {
  return events.filter((e) => e.action.startsWith("request.") || e.action === "step.fail");
}

/** The words a person gave (or the provisioner's reason): the one part of an event's details shown with it. */
export function timelineComment(event: EventLike): string | null {
  const details = event.details;
  if (!details || typeof details !== "object") return null;
  if ("comment" in details && typeof details.comment === "string") return details.comment;
  if ("reason" in details && typeof details.reason === "string") return details.reason;
  if ("error" in details && typeof details.error === "string") return details.error;
  return null;
}
