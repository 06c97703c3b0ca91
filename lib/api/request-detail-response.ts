import "server-only";

import { jsonError } from "@/lib/auth/api-route";
import { actorOf, type PortalUser } from "@/lib/auth/current-user";
import { approvalViewOf } from "@/lib/db/approval-policies/approval-views";
import { loadExtensions } from "@/lib/db/expiry/load-extensions";
import { getRequestForViewer } from "@/lib/db/requests/get-request";

import { requestDetailJson } from "./request-detail-json";

/** The request as GET /api/v1/requests/:id answers it, for that route and for operations that answer with it. */
export async function requestDetailResponse(user: PortalUser, requestId: string): Promise<Response> {
  const request = await getRequestForViewer(user, requestId);
  if (!request) return jsonError(404, "not-found", "No such request.");
  const [approvalView, extensions] = await Promise.all([approvalViewOf(request.id), loadExtensions(request.id)]);
  return Response.json(requestDetailJson(request, actorOf(user), approvalView, extensions));
}
