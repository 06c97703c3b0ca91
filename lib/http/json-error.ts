/** The JSON API's error shape: a code, a message for people and, for a form-like body, the fields to fix. */
export function jsonError(status: number, error: string, message: string, fields?: Record<string, string[]>): Response {
  return Response.json({ error, message, ...(fields ? { fields } : {}) }, { status, headers: { "cache-control": "no-store" } });
}
