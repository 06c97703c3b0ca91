import { logger } from "@/lib/log/logger";

import type { Readiness } from "./readiness";

/** 200 with every part's status, or 503 naming the failing parts and why (logged too: probes are not read). */
export function readinessResponse(readiness: Readiness): Response {
  const parts = Object.fromEntries(
    Object.entries(readiness.parts).map(([name, part]) => [name, part.ok ? "ok" : { status: "failing", error: part.error }]),
  );
  if (!readiness.ready) logger().warn({ failing: readiness.failing, parts }, "not ready");
  return Response.json(
    readiness.ready ? { status: "ready", parts } : { status: "not-ready", failing: readiness.failing, parts },
    { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
