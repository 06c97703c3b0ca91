import "server-only";

import { scopeAllows } from "@/lib/domain/people/token-scope";
import { may, type RoleQuestion } from "@/lib/domain/permissions";
import { isExpectedError } from "@/lib/errors/expected-error";
import { jsonError } from "@/lib/http/json-error";
import { BodyTooLargeError, MAX_JSON_BODY_BYTES, readLimitedText } from "@/lib/http/read-limited-body";
import { logUnexpected, unexpectedErrorMessage } from "@/lib/log/log-unexpected";
import { withRequestId } from "@/lib/log/request-context";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-id";

import { callerFromBearer } from "./api-token";
import { actorOf, type PortalUser } from "./current-user";
import { apiRateLimit, tooManyRequests } from "./rate-limits";

export type ApiContext<P> = { user: PortalUser; request: Request; params: P };

export { jsonError } from "@/lib/http/json-error";

// Every JSON API handler goes through this: bearer token -> user -> the policy's answer -> handler, with expected
// errors turned into JSON bodies with their status and everything else logged and hidden. The API takes
// tokens only, never the browser's cookie, so no other site can make a signed-in browser call it.
export function apiRoute<P = Record<string, never>>(
  // null: any signed-in user; the handler then asks the policy about the resource it loads.
  question: RoleQuestion | null,
  handler: (context: ApiContext<P>) => Promise<Response>,
) {
  const respond = async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const limited = await apiRateLimit(request.headers);
      if (limited) return tooManyRequests(limited, { error: "too-many-requests", message: `Too many requests; try again in ${limited.retryAfterSeconds} s.` });
      const caller = await callerFromBearer(request.headers.get("authorization"));
      if (!caller) return jsonError(401, "unauthenticated", "Send a valid API token as `Authorization: Bearer <token>`.");
      // The method is the declaration: anything but GET/HEAD/OPTIONS changes something and needs a write token.
      if (!scopeAllows(caller.scope, request.method)) {
        return jsonError(403, "forbidden", "This token is read-only: create a token with read and write scope to change anything.");
      }
      const { user } = caller;
      const decision = question ? may(actorOf(user), question) : null;
      if (decision && !decision.ok) return jsonError(403, "forbidden", decision.reason);
      return await handler({ user, request, params: await context.params });
    } catch (error) {
      if (error instanceof BodyTooLargeError) return jsonError(413, "payload-too-large", error.message);
      if (isExpectedError(error)) return jsonError(error.status, error.code, error.message, error.fieldErrors);
      const reference = logUnexpected(error, "API request failed", { method: request.method, path: new URL(request.url).pathname });
      return Response.json({ error: "internal", message: unexpectedErrorMessage(reference), reference }, { status: 500 });
    }
  };
  // Answers carry requests and tokens' users' data: no shared or browser cache may keep them. The request id
  // (the caller's x-request-id or a new one) is on every log line of the call and echoed in the answer.
  return (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    return withRequestId(requestId, async () => {
      const response = await respond(request, context);
      response.headers.set("cache-control", "no-store");
      response.headers.set(REQUEST_ID_HEADER, requestId);
      return response;
    });
  };
}

/** The parsed body, or Symbol.for("invalid-json"); a body over 1 MB throws, which apiRoute answers with 413. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await readLimitedText(request, MAX_JSON_BODY_BYTES);
  try {
    return JSON.parse(text);
  } catch {
    return Symbol.for("invalid-json");
  }
}
