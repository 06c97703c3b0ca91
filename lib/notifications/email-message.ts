import type { EventPayload } from "@/lib/domain/notification-payload";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One notification e-mail: the title as subject, the link to the request, and how to change what is sent. */
export function emailMessage(event: EventPayload, baseUrl: string): { subject: string; text: string; html: string } {
  const url = `${baseUrl}${event.path}`;
  const preferences = `${baseUrl}/notifications/preferences`;
  const who = event.actor ? `\nBy: ${event.actor.name}` : "";
  const text = [
    event.title,
    "",
    `Cluster: ${event.request.cluster.name} (${event.request.environment})`,
    `Team: ${event.request.team.name}`,
    `Requester: ${event.request.requester.name}${who}`,
    "",
    `Open the request: ${url}`,
    "",
    `Choose which notifications you receive: ${preferences}`,
  ].join("\n");
  const html = `<p>${escapeHtml(event.title)}</p>
<p>Cluster: ${escapeHtml(event.request.cluster.name)} (${escapeHtml(event.request.environment)})<br>Team: ${escapeHtml(event.request.team.name)}<br>Requester: ${escapeHtml(event.request.requester.name)}</p>
<p><a href="${escapeHtml(url)}">Open the request</a></p>
<p style="color:#64748b">Choose which notifications you receive: <a href="${escapeHtml(preferences)}">notification preferences</a></p>`;
  return { subject: event.title, text, html };
}
