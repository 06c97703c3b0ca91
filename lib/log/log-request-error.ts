import type { Instrumentation } from "next";

import { logger } from "./logger";
import { REQUEST_ID_HEADER } from "./request-id";

const digestOf = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && typeof (error as { digest?: unknown }).digest === "string"
    ? (error as { digest: string }).digest
    : undefined;

/**
 * Next's hook for an error a page, layout, route handler or action threw without handling it. The browser
 * gets only the error's digest (app/error.tsx shows it as the reference), so the log line carries the same
 * digest as its reference, with the error and the request's id.
 */
export function logRequestError(...[error, request, context]: Parameters<Instrumentation.onRequestError>): void {
  const requestId = request.headers[REQUEST_ID_HEADER];
  logger().error(
    {
      err: error,
      reference: digestOf(error),
      requestId: Array.isArray(requestId) ? requestId[0] : requestId,
      method: request.method,
      path: request.path,
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
}
