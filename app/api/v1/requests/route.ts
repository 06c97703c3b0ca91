import { requestListItemJson } from "@/lib/api/request-json";
import { apiRoute, jsonError, readJsonBody } from "@/lib/auth/api-route";
import { searchRequests } from "@/lib/db/requests/search-requests";
import { parseRequestFilter } from "@/lib/domain/requests/request-filter";
import { fieldErrors, requestBodySchema } from "@/lib/domain/request-input";
import { fileRequest } from "@/lib/provisioner/plan-requests";

export const dynamic = "force-dynamic";

// The same filter as the requests page, read by the same parser; a bad value is a 400 naming the parameter.
export const GET = apiRoute("request.list", async ({ user, request }) => {
  const { filter, errors } = parseRequestFilter(new URL(request.url).searchParams);
  const problems: Record<string, string[]> = Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, [message]]));
  if (Object.keys(problems).length) return jsonError(400, "bad-request", "Some query parameters need attention.", problems);
  const result = await searchRequests(user, filter);
  return Response.json({ requests: result.rows.map(requestListItemJson), page: result.page, pages: result.pages, total: result.total });
});

export const POST = apiRoute("request.create", async ({ user, request }) => {
  const body = await readJsonBody(request);
  if (typeof body !== "object" || body === null) return jsonError(400, "bad-request", "The body must be a JSON object.");
  const parsed = requestBodySchema.safeParse(body);
  if (!parsed.success) return jsonError(400, "bad-request", "Some fields need attention.", fieldErrors(parsed.error));
  const { teamId, fileAnyway, filedFrom, ...input } = parsed.data;
  const created = await fileRequest(user, input, { teamId, via: "api", fileAnyway, filedFrom });
  return Response.json({ id: created.id, number: created.number, scenario: created.scenario, status: created.status }, { status: 201 });
});
