import { checkTokenRoute } from "@/lib/auth/check-token-route";
import { config } from "@/lib/config";
import { jsonError } from "@/lib/http/json-error";
import { liveCheckOf } from "@/lib/db/client-checks/take-client-check";
import { clientCheckScript } from "@/lib/domain/client-check/check-script";
import { publicOrigin } from "@/lib/http/public-origin";

export const dynamic = "force-dynamic";

// The script the request page's one-line command pipes into bash; it carries the token to send its report.
export const GET = checkTokenRoute(async ({ token, request }) => {
  const check = await liveCheckOf(token);
  if (!check) return jsonError(401, "unauthenticated", "This check command is unknown, used already, or expired: create a new one on the request's page.");
  const script = clientCheckScript({
    requestNumber: check.requestNumber,
    reportUrl: `${publicOrigin(config().AUTH_URL, request.headers)}/api/v1/client-checks/report`,
    token,
    targets: check.targets,
    expiresAt: check.expiresAt,
  });
  return new Response(script, { headers: { "content-type": "text/x-shellscript; charset=utf-8" } });
});
