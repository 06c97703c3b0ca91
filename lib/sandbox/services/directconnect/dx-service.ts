import { awsError } from "../../core/aws-error";
import type { WireResponse } from "../../protocols/responses";
import type { ResolvedCall, ServiceProtocol } from "../../server/service";
import { DX_OPERATIONS } from "./dx-operations";

const TARGET_PREFIX = "OvertureService.";

function json(requestId: string, status: number, payload: unknown): WireResponse {
  return {
    status,
    headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": requestId },
    body: JSON.stringify(payload ?? {}),
  };
}

/**
 * Direct Connect speaks AWS JSON 1.1: every call is a POST to `/` naming its operation in
 * `X-Amz-Target: OvertureService.<Operation>`; errors carry `__type` in the body.
 */
export const directConnectService: ServiceProtocol = {
  name: "directconnect",
  resolve(call): ResolvedCall {
    const target = call.target ?? "";
    const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : "";
    const handler = DX_OPERATIONS[name];
    if (!handler || call.method !== "POST") {
      return {
        operation: "Unknown",
        run: () => {
          throw awsError("DirectConnectClientException", `No Direct Connect operation for X-Amz-Target ${target || "(none)"}`);
        },
      };
    }
    return { operation: name, run: (ctx) => json(ctx.requestId, 200, handler(ctx, call.body)) };
  },
  renderError(requestId, code, message, status) {
    const response = json(requestId, status, { __type: code, message });
    return { ...response, headers: { ...response.headers, "x-amzn-errortype": code } };
  },
  // Direct Connect models no throttling error of its own; JSON services answer ThrottlingException.
  throttle: { code: "ThrottlingException", status: 400 },
  internal: { code: "DirectConnectServerException", status: 500 },
};
