import { apiRoute, jsonError } from "@/lib/auth/api-route";
import { db } from "@/lib/db/client";
import { auditFilterFromParams } from "@/lib/db/audit/audit-filter-params";
import { auditPage, auditWhereSql } from "@/lib/db/audit/audit-keyset";
import { decodeAuditCursor, encodeAuditCursor } from "@/lib/domain/audit/audit-cursor";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

// Keyset paging, as the audit page: `cursor` is where the previous page ended, so a deep page costs what the
// first does, and events written meanwhile neither repeat nor go missing.
export const GET = apiRoute("audit.read", async ({ request }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { filter, errors } = auditFilterFromParams(params);
  const problems: Record<string, string[]> = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [v]]));
  const cursor = params.cursor ? decodeAuditCursor(params.cursor) : null;
  if (params.cursor && !cursor) problems.cursor = ["Not a cursor from this API: pass the nextCursor of the previous page, or leave it out for the newest events"];
  if (params.page !== undefined) problems.page = ["Pages are read with cursor: pass the nextCursor of the previous page"];
  if (Object.keys(problems).length > 0) return jsonError(400, "bad-request", "Some filters need attention.", problems);
  const prisma = db();
  const fetched = await auditPage(prisma, await auditWhereSql(prisma, filter), cursor, PAGE_SIZE + 1);
  const events = fetched.slice(0, PAGE_SIZE);
  const last = events.at(-1);
  return Response.json({
    events: events.map((e) => ({
      id: String(e.id),
      at: e.at.toISOString(),
      actor: e.actorLabel,
      action: e.action,
      requestId: e.requestId,
      requestNumber: e.requestNumber,
      accountId: e.accountId,
      region: e.region,
      resourceIds: e.resourceIds,
      details: e.details,
    })),
    nextCursor: fetched.length > PAGE_SIZE && last ? encodeAuditCursor({ at: last.at, id: last.id }) : null,
  });
});
