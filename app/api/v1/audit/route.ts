import { auditFilterFromParams } from "@/lib/db/audit/audit-filter-params";
import { apiRoute, jsonError } from "@/lib/auth/api-route";
import { listAuditEvents } from "@/lib/db/audit/list-audit-events";
import { parsePageNumber } from "@/lib/domain/validation/page-number";

export const dynamic = "force-dynamic";

export const GET = apiRoute("audit.read", async ({ request }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { filter, page, errors } = auditFilterFromParams(params);
  const pageNumber = parsePageNumber(params.page);
  const problems: Record<string, string[]> = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [v]]));
  if (!pageNumber.ok) problems.page = [pageNumber.message];
  if (Object.keys(problems).length > 0) return jsonError(400, "bad-request", "Some filters need attention.", problems);
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
