import "server-only";

import { headers } from "next/headers";

import { newRequestId, requestIdFrom } from "./request-id";

/** The request id of the Next request being served (set by the proxy), or a fresh one outside a request. */
export async function incomingRequestId(): Promise<string> {
  try {
    return requestIdFrom(await headers());
  } catch {
    // headers() throws outside a request: a script or a test calling the action directly.
    return newRequestId();
  }
}
