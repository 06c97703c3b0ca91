import { requestSummaryJson } from "@/lib/api/request-json";
import { apiRoute, jsonError, readJsonBody } from "@/lib/auth/api-route";
import { listRequests } from "@/lib/db/requests/list-requests";
import { REQUEST_STATUSES } from "@/lib/domain/lifecycle";
import { fieldErrors, requestBodySchema } from "@/lib/domain/request-input";
import { parsePageNumber } from "@/lib/domain/validation/page-number";
import { fileRequest } from "@/lib/provisioner/plan-requests";

export const dynamic = "force-dynamic";

export const GET = apiRoute("request.list", async ({ user, request }) => {
  const url = new URL(request.url);
  const status = REQUEST_STATUSES.find((s) => s === url.searchParams.get("status"));
  const page = parsePageNumber(url.searchParams.get("page"));
  if (!page.ok) return jsonError(400, "bad-request", "Some query parameters need attention.", { page: [page.message] });
  const result = await listRequests(user, { page: page.page, statuses: status ? [status] : undefined });
  return Response.json({ requests: result.rows.map(requestSummaryJson), page: result.page, pages: result.pages, total: result.total });
});

export const POST = apiRoute("request.create", async ({ user, request }) => {
  const body = await readJsonBody(request);
  if (typeof body !== "object" || body === null) return jsonError(400, "bad-request", "The body must be a JSON object.");
  const parsed = requestBodySchema.safeParse(body);
  if (!parsed.success) return jsonError(400, "bad-request", "Some fields need attention.", fieldErrors(parsed.error));
  const { teamId, ...input } = parsed.data;
  const created = await fileRequest(user, input, { teamId, via: "api" });
  return Response.json({ id: created.id, number: created.number, scenario: created.scenario, status: created.status }, { status: 201 });
});
