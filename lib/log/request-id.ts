export const REQUEST_ID_HEADER = "x-request-id";

// A caller's id is kept only if it looks like an id: it is written into every log line of the request.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function newRequestId(): string {
  return crypto.randomUUID();
}

/** The id a load balancer or client sent in x-request-id, or a fresh one. */
export function requestIdFrom(headers: Headers | null | undefined): string {
  const sent = headers?.get(REQUEST_ID_HEADER)?.trim();
  return sent && ACCEPTABLE_ID.test(sent) ? sent : newRequestId();
}

/**
 * For the proxy: makes sure the request carries an id (so pages, actions and routes all read the same one)
 * and returns it for the response's header.
 */
export function ensureRequestId(requestHeaders: Headers): string {
  const id = requestIdFrom(requestHeaders);
  requestHeaders.set(REQUEST_ID_HEADER, id);
  return id;
}
