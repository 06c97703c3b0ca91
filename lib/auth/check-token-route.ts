import "server-only";

import { checkTokenFrom } from "@/lib/db/client-checks/client-check-token";
import { isExpectedError } from "@/lib/errors/expected-error";
import { BodyTooLargeError } from "@/lib/http/read-limited-body";
import { logUnexpected, unexpectedErrorMessage } from "@/lib/log/log-unexpected";
import { withRequestId } from "@/lib/log/request-context";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-id";

import { jsonError } from "@/lib/http/json-error";
import { apiRateLimit, tooManyRequests } from "./rate-limits";

export type CheckTokenContext = { token: string; request: Request };

/**
 * The client check's two routes run on a client's host with no person signed in: a one-time check token
 * (`Authorization: Bearer mskc_…`) is their only credential, and it names one request. Rate limits per address
 * and per token are the API's; expected errors become the API's JSON errors, the rest is logged and hidden.
 */
export function checkTokenRoute(handler: (context: CheckTokenContext) => Promise<Response>) {
  return (request: Request): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    return withRequestId(requestId, async () => {
      const response = await answer(request, handler);
      response.headers.set("cache-control", "no-store");
      response.headers.set(REQUEST_ID_HEADER, requestId);
      return response;
    });
  };
}

async function answer(request: Request, handler: (context: CheckTokenContext) => Promise<Response>): Promise<Response> {
  try {
    const limited = await apiRateLimit(request.headers);
    if (limited) return tooManyRequests(limited, { error: "too-many-requests", message: `Too many requests; try again in ${limited.retryAfterSeconds} s.` });
    const token = checkTokenFrom(request.headers.get("authorization"));
    if (!token) return jsonError(401, "unauthenticated", "Send the check command's token as `Authorization: Bearer mskc_…` (copy the command from the request's page).");
    return await handler({ token, request });
  } catch (error) {
    if (error instanceof BodyTooLargeError) return jsonError(413, "payload-too-large", error.message);
    if (isExpectedError(error)) return jsonError(error.status, error.code, error.message, error.fieldErrors);
    const reference = logUnexpected(error, "client check request failed", { method: request.method, path: new URL(request.url).pathname });
    return Response.json({ error: "internal", message: unexpectedErrorMessage(reference), reference }, { status: 500 });
  }
}
