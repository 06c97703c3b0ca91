import { portalMetrics } from "./portal-metrics";
import { routeLabel } from "./route-label";

/** Counts and times one route handler's answer; a handler that throws counts as a 500. */
export async function observeHttp(request: Request, answer: () => Promise<Response>): Promise<Response> {
  const metrics = portalMetrics();
  const route = routeLabel(request.url);
  const stopTimer = metrics.httpDuration.startTimer({ route, method: request.method });
  let status = 500;
  try {
    const response = await answer();
    status = response.status;
    return response;
  } finally {
    stopTimer();
    metrics.httpRequests.inc({ route, method: request.method, status: String(status) });
  }
}
