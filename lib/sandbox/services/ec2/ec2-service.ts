import { awsError } from "../../core/aws-error";
import { parseQuery, qStr, type QueryNode } from "../../protocols/query-input";
import { ec2Error, ec2Response } from "../../protocols/responses";
import type { XmlObject } from "../../protocols/xml";
import type { ResolvedCall, ServiceProtocol } from "../../server/service";
import type { RequestContext } from "../../state/world";
import { EC2_OPERATIONS } from "./ec2-operations";

export type Ec2Operation = (ctx: RequestContext, input: QueryNode) => XmlObject;

export const ec2Service: ServiceProtocol = {
  name: "ec2",
  resolve(call): ResolvedCall {
    const input = parseQuery(call.body || call.query.toString());
    const action = qStr(input, "Action") ?? "";
    const op = EC2_OPERATIONS[action];
    return {
      operation: action || "Unknown",
      run(ctx) {
        if (!op) throw awsError("InvalidAction", `The action ${action} is not valid for this web service.`);
        return ec2Response(action, ctx.requestId, op(ctx, input));
      },
    };
  },
  renderError: ec2Error,
  // EC2 throttles with RequestLimitExceeded over HTTP 503 (EC2 API reference, "Query API request rate").
  throttle: { code: "RequestLimitExceeded", status: 503 },
  internal: { code: "InternalError", status: 500 },
};
