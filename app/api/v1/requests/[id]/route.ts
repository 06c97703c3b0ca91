import { requestDetailResponse } from "@/lib/api/request-detail-response";
import { apiRoute } from "@/lib/auth/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>("request.list", ({ user, params }) => requestDetailResponse(user, params.id));
