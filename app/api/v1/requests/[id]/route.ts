import { requestDetailJson } from "@/lib/api/request-detail-json";
import { apiRoute, jsonError } from "@/lib/auth/api-route";
import { actorOf } from "@/lib/auth/current-user";
import { approvalViewOf } from "@/lib/db/approval-policies/approval-views";
import { loadExtensions } from "@/lib/db/expiry/load-extensions";
import { getRequestForViewer } from "@/lib/db/requests/get-request";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>("request.list", async ({ user, params }) => {
  const request = await getRequestForViewer(user, params.id);
  if (!request) return jsonError(404, "not-found", "No such request.");
  const [approvalView, extensions] = await Promise.all([approvalViewOf(request.id), loadExtensions(request.id)]);
  return Response.json(requestDetailJson(request, actorOf(user), approvalView, extensions));
});
