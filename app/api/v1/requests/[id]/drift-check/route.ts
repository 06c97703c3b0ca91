import { requestDetailResponse } from "@/lib/api/request-detail-response";
import { apiRoute } from "@/lib/auth/api-route";
import { checkDriftAsked } from "@/lib/provisioner/check-drift-asked";

// POST /api/v1/requests/:id/drift-check: reads AWS now for an active connection, as the page's "Check against
// AWS" does, and answers with the request: `drift` null when everything it built and relies on is in place.
export const POST = apiRoute<{ id: string }>(null, async ({ user, params }) => {
  await checkDriftAsked(user, params.id, { kind: "user", userId: user.id, label: `${user.email} (API)` });
  return requestDetailResponse(user, params.id);
});
