import { awsError } from "../../core/aws-error";
import { jsonError, jsonResponse } from "../../protocols/responses";
import type { ResolvedCall, ServiceProtocol } from "../../server/service";
import { RAM_OPERATIONS } from "./ram-operations";
import { deleteResourceShare } from "./ram-shares";

/** RAM is REST-JSON with one POST path per operation (`/createresourceshare`...). */
export const ramService: ServiceProtocol = {
  name: "ram",
  resolve(call): ResolvedCall {
    // The one RAM operation the portal uses that is not a POST: its input travels in the query string.
    if (call.method === "DELETE" && call.path === "/deleteresourceshare") {
      return {
        operation: "DeleteResourceShare",
        run: (ctx) => jsonResponse(ctx.requestId, deleteResourceShare(ctx, call.query.get("resourceShareArn"), call.query.get("clientToken"))),
      };
    }
    const entry = Object.entries(RAM_OPERATIONS).find(([name]) => `/${name.toLowerCase()}` === call.path);
    if (!entry || call.method !== "POST") {
      return {
        operation: "Unknown",
        run: () => {
          throw awsError("InvalidParameterException", `No RAM operation at ${call.method} ${call.path}`);
        },
      };
    }
    const [operation, handler] = entry;
    return { operation, run: (ctx) => jsonResponse(ctx.requestId, handler(ctx, call.body)) };
  },
  renderError: jsonError,
  throttle: { code: "ThrottlingException", status: 429 },
  internal: { code: "ServerInternalException", status: 500 },
};
