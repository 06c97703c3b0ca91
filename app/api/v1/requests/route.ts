import { requestSummaryJson } from "@/lib/api/request-json";
import { apiRoute, jsonError, readJsonBody } from "@/lib/auth/api-route";
import { listRequests } from "@/lib/db/requests/list-requests";
import { REQUEST_STATUSES } from "@/lib/domain/lifecycle";
import { fieldErrors, requestInputSchema } from "@/lib/domain/request-input";
import { fileRequest } from "@/lib/provisioner/plan-requests";

export const dynamic = "force-dynamic";

export const GET = apiRoute("request.list", async ({ user, request }) => {
  const url = new URL(request.url);
  const status = REQUEST_STATUSES.find((s) => s === url.searchParams.get("status"));
  const result = await listRequests(user, { page: Number(url.searchParams.get("page")) || 1, statuses: status ? [status] : undefined });
  return Response.json({ requests: result.rows.map(requestSummaryJson), page: result.page, pages: result.pages, total: result.total });
});

export const POST = apiRoute("request.create", async ({ user, request }) => {
  const body = await readJsonBody(request);
  if (typeof body !== "object" || body === null) return jsonError(400, "bad-request", "The body must be a JSON object.");
  const parsed = requestInputSchema.safeParse(body);
  if (!parsed.success) return jsonError(400, "bad-request", "Some fields need attention.", fieldErrors(parsed.error));
  const teamId = "teamId" in body && typeof body.teamId === "string" ? body.teamId : undefined;
  const created = await fileRequest(user, parsed.data, { teamId, via: "api" });
  return Response.json({ id: created.id, number: created.number, scenario: created.scenario, status: created.status }, { status: 201 });
});
