import type { AuditDetails } from "./audit-details";

/** Audit events of a request as its page and the JSON API show them. */
type EventLike = { action: string; details: AuditDetails };

// The request's own history; individual step events belong with their steps.
export function timelineEvents<T extends { action: string }>(events: T[]): T[] {
  return events.filter((e) => e.action.startsWith("request.") || e.action === "step.fail");
}

/** The words a person gave (or the provisioner's reason, or a check's finding): the one part of an event's details shown with it. */
export function timelineComment(event: EventLike): string | null {
  const { comment, reason, error, summary } = event.details;
  if (typeof comment === "string") return comment;
  if (typeof reason === "string") return reason;
  if (typeof error === "string") return error;
  if ((event.action === "request.client-check-reported" || event.action === "request.path-analysed") && typeof summary === "string") return summary;
  return null;
}
