/**
 * Every page and route handler under app/, as templates: the only route labels the HTTP metrics use, so no
 * path a client makes up becomes a series of its own. app-routes.test.ts fails when app/ and this list differ.
 */
export const APP_ROUTES = [
  "/",
  "/admin",
  "/admin/freezes",
  "/admin/people",
  "/admin/policies",
  "/admin/policies/[id]",
  "/admin/webhooks",
  "/api/auth/[...nextauth]",
  "/api/health",
  "/api/metrics",
  "/api/ready",
  "/api/v1/audit",
  "/api/v1/client-checks/report",
  "/api/v1/client-checks/script",
  "/api/v1/openapi.json",
  "/api/v1/requests",
  "/api/v1/requests/[id]",
  "/api/v1/requests/[id]/approve",
  "/api/v1/requests/[id]/cancel",
  "/api/v1/requests/[id]/decommission",
  "/api/v1/requests/[id]/drift-check",
  "/api/v1/requests/[id]/reapply",
  "/api/v1/requests/[id]/reject",
  "/api/v1/requests/[id]/replan",
  "/api/v1/requests/[id]/retry",
  "/api/v1/requests/[id]/rollback",
  "/approvals",
  "/audit",
  "/audit/export",
  "/catalog",
  "/catalog/clusters/[id]",
  "/catalog/clusters/[id]/access.csv",
  "/catalog/clusters/[id]/connections.csv",
  "/dashboard",
  "/notifications",
  "/notifications/preferences",
  "/requests",
  "/requests/[id]",
  "/requests/new",
  "/signin",
  "/tokens",
] as const;

// Static segments before dynamic ones, so /requests/new is not read as /requests/[id].
const ORDERED = [...APP_ROUTES].sort((a, b) => a.split("[").length - b.split("[").length);

function matches(template: string, segments: readonly string[]): boolean {
  const parts = template.split("/").filter(Boolean);
  for (const [i, part] of parts.entries()) {
    if (part.startsWith("[...")) return segments.length > i;
    if (i >= segments.length) return false;
    if (!part.startsWith("[") && part !== segments[i]) return false;
  }
  return parts.length === segments.length;
}

/** The app route a path is answered by (its template), or null for a path no page or route handler serves. */
export function appRouteOf(pathname: string): string | null {
  const segments = pathname.split("/").filter(Boolean);
  return ORDERED.find((template) => matches(template, segments)) ?? null;
}
