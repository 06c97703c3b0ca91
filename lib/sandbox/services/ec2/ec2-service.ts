import { awsError } from "../../core/aws-error";
import { parseQuery, qStr, type QueryNode } from "../../protocols/query-input";
import { ec2Error, ec2Response } from "../../protocols/responses";
import type { XmlObject } from "../../protocols/xml";
import type { ResolvedCall, ServiceProtocol } from "../../server/service";
import type { RequestContext } from "../../state/world";
import { EC2_OPERATIONS } from "./ec2-operations";

export type Ec2Operation = (ctx: RequestContext, input: QueryNode) => XmlObject;

/**
 * DryRun: the caller was authorised (the server checked before this), so the call runs against a copy of
 * the state and AWS's answer is DryRunOperation (412) when it would have succeeded, else the error it would
 * have met. Nothing changes.
 */
function dryRun(ctx: RequestContext, op: Ec2Operation, input: QueryNode): never {
  op({ ...ctx, world: { ...ctx.world, state: structuredClone(ctx.world.state) } }, input);
  throw awsError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
}

export const ec2Service: ServiceProtocol = {
  name: "ec2",
  resolve(call): ResolvedCall {
    const raw = call.body || call.query.toString();
    const input = parseQuery(raw);
    const action = qStr(input, "Action") ?? "";
    const op = EC2_OPERATIONS[action];
    return {
      operation: action || "Unknown",
      authorizationBody: raw,
      run(ctx) {
        if (!op) throw awsError("InvalidAction", `The action ${action} is not valid for this web service.`);
        if (qStr(input, "DryRun") === "true") return dryRun(ctx, op, input);
        return ec2Response(action, ctx.requestId, op(ctx, input));
      },
    };
  },
  renderError: ec2Error,
  // EC2 throttles with RequestLimitExceeded over HTTP 503 (EC2 API reference, "Query API request rate").
  throttle: { code: "RequestLimitExceeded", status: 503 },
  internal: { code: "InternalError", status: 500 },
};
