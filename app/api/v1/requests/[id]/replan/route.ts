import { requestDetailResponse } from "@/lib/api/request-detail-response";
import { apiRoute } from "@/lib/auth/api-route";
import { replanRequest } from "@/lib/provisioner/plan-requests";

// POST /api/v1/requests/:id/replan: plans a submitted request again from AWS as it is now, as the page's
// "Re-plan" does, and answers with the request (a plan that could not be computed is its `plan.error`).
export const POST = apiRoute<{ id: string }>(null, async ({ user, params }) => {
  await replanRequest(user, params.id, { kind: "user", userId: user.id, label: `${user.email} (API)` });
  return requestDetailResponse(user, params.id);
});
