import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";

import { portalMetrics } from "./portal-metrics";
import { httpRouteLabel } from "./route-label";

type ServerEvent = { request: IncomingMessage; response: ServerResponse };

const globalForObserver = globalThis as unknown as { portalHttpObserved?: boolean };

/**
 * Counts and times every HTTP answer of this process: pages, server actions, route handlers and Next's own
 * assets alike, with the status the client really got. Node announces each request a server starts on a
 * diagnostics channel; Next's server is created before the portal's code runs and offers no hook of its own
 * around a whole response. A request whose client went away before the answer ended counts as "aborted".
 */
export function observeHttpServer(): void {
  if (globalForObserver.portalHttpObserved) return;
  globalForObserver.portalHttpObserved = true;
  subscribe("http.server.request.start", (message) => {
    const { request, response } = message as ServerEvent;
    const started = process.hrtime.bigint();
    response.once("close", () => {
      const metrics = portalMetrics();
      const status = response.writableFinished ? String(response.statusCode) : "aborted";
      const route = httpRouteLabel(request.url ?? "/", response.statusCode);
      const method = request.method ?? "GET";
      metrics.httpRequests.inc({ route, method, status });
      metrics.httpDuration.observe({ route, method }, Number(process.hrtime.bigint() - started) / 1e9);
    });
  });
}
