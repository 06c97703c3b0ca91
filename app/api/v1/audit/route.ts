import { auditFilterFromParams } from "@/lib/db/audit/audit-filter-params";
import { apiRoute, jsonError } from "@/lib/auth/api-route";
import { listAuditEvents } from "@/lib/db/audit/list-audit-events";

export const dynamic = "force-dynamic";

export const GET = apiRoute("audit.read", async ({ request }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { filter, page, errors } = auditFilterFromParams(params);
  if (errors.from || errors.to) {
    return jsonError(400, "bad-request", "Some filters need attention.", Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [v]])));
  }
  const result = await listAuditEvents(filter, page);
  return Response.json({
    events: result.rows.map((e) => ({
      id: String(e.id),
      at: e.at.toISOString(),
      actor: e.actorLabel,
      action: e.action,
      requestId: e.requestId,
      accountId: e.accountId,
      region: e.region,
      resourceIds: e.resourceIds,
      details: e.details,
    })),
    page: result.page,
    pages: result.pages,
    total: result.total,
  });
});
