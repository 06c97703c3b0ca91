import { Counter, Gauge, Histogram, Registry } from "prom-client";

// The web server and each `npm run worker` are separate processes: counters and histograms here count what
// this process did (Prometheus sums them across targets). The gauges are set from the database at each scrape,
// so they are the same whichever process answers.
function createMetrics() {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: "portal_http_requests_total",
      help: "HTTP requests answered by this server (pages, actions, API, assets), by route, method and status (aborted: the client left first)",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "portal_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by route and method",
      labelNames: ["route", "method"] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    requestsByStatus: new Gauge({
      name: "portal_access_requests",
      help: "Access requests in the database, by lifecycle status",
      labelNames: ["status"] as const,
      registers,
    }),
    stepDuration: new Histogram({
      name: "portal_step_duration_seconds",
      help: "Provisioning step runs, by step kind and outcome (succeeded, failed, gave-up-waiting)",
      labelNames: ["kind", "outcome"] as const,
      buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 1800, 3600, 14_400],
      registers,
    }),
    awsCalls: new Counter({
      name: "portal_aws_calls_total",
      help: "AWS API calls (after the SDK's retries), by service, operation and error code (empty: succeeded)",
      labelNames: ["service", "operation", "error_code"] as const,
      registers,
    }),
    queueDepth: new Gauge({
      name: "portal_queue_jobs_waiting",
      help: "Jobs waiting in the durable queue, by queue",
      labelNames: ["queue"] as const,
      registers,
    }),
    queueOldestAge: new Gauge({
      name: "portal_queue_oldest_job_age_seconds",
      help: "Age of the oldest waiting job, by queue (0 when none waits)",
      labelNames: ["queue"] as const,
      registers,
    }),
    driftFindings: new Counter({
      name: "portal_drift_findings_total",
      help: "Drift checks whose finding changed, by result (drifted: new or different drift, cleared: drift gone)",
      labelNames: ["result"] as const,
      registers,
    }),
  };
}

export type PortalMetrics = ReturnType<typeof createMetrics>;

// One set per process: Next's dev server re-evaluates modules, and registering a metric twice throws.
const globalForMetrics = globalThis as unknown as { portalMetrics?: PortalMetrics };

export function portalMetrics(): PortalMetrics {
  return (globalForMetrics.portalMetrics ??= createMetrics());
}
