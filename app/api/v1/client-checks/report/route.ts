import { checkTokenRoute } from "@/lib/auth/check-token-route";
import { jsonError } from "@/lib/http/json-error";
import { config } from "@/lib/config";
import { recordClientCheck } from "@/lib/db/client-checks/take-client-check";
import { clientAddress } from "@/lib/http/client-address";
import { readLimitedText } from "@/lib/http/read-limited-body";

export const dynamic = "force-dynamic";

// A report names at most 64 brokers: far below this. A larger body is not a report.
const MAX_REPORT_BYTES = 64 * 1024;

// The check script's one report; the token is spent with it.
export const POST = checkTokenRoute(async ({ token, request }) => {
  const text = await readLimitedText(request, MAX_REPORT_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return jsonError(400, "bad-request", "The report is not JSON.");
  }
  const recorded = await recordClientCheck(token, body, clientAddress(request.headers, config().TRUSTED_PROXY_HOPS));
  return Response.json(recorded);
});
