import "server-only";

import { may, type RoleQuestion } from "@/lib/domain/permissions";
import { isExpectedError } from "@/lib/errors/expected-error";

import { userFromBearer } from "./api-token";
import { actorOf, type PortalUser } from "./current-user";

export type ApiContext<P> = { user: PortalUser; request: Request; params: P };

export function jsonError(status: number, error: string, message: string, fields?: Record<string, string[]>): Response {
  return Response.json({ error, message, ...(fields ? { fields } : {}) }, { status });
}

// Every JSON API handler goes through this: bearer token -> user -> the policy's answer -> handler, with expected
// errors turned into JSON bodies with their status and everything else logged and hidden. The API takes
// tokens only, never the browser's cookie, so no other site can make a signed-in browser call it.
export function apiRoute<P = Record<string, never>>(
  // null: any signed-in user; the handler then asks the policy about the resource it loads.
  question: RoleQuestion | null,
  handler: (context: ApiContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await userFromBearer(request.headers.get("authorization"));
      if (!user) return jsonError(401, "unauthenticated", "Send a valid API token as `Authorization: Bearer <token>`.");
      const decision = question ? may(actorOf(user), question) : null;
      if (decision && !decision.ok) return jsonError(403, "forbidden", decision.reason);
      return await handler({ user, request, params: await context.params });
    } catch (error) {
      if (isExpectedError(error)) return jsonError(error.status, error.code, error.message, error.fieldErrors);
      console.error("API request failed", error);
      return jsonError(500, "internal", "Something went wrong on our side. Nothing was changed; try again.");
    }
  };
}

export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return Symbol.for("invalid-json");
  }
}
