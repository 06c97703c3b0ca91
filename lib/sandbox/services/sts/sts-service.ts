import { awsError } from "../../core/aws-error";
import { parseQuery, qInt, qRequired, qStr } from "../../protocols/query-input";
import { stsError, stsResponse } from "../../protocols/responses";
import type { XmlObject } from "../../protocols/xml";
import type { RequestContext } from "../../state/world";
import type { IncomingCall, ResolvedCall, ServiceProtocol } from "../../server/service";
import { assumeRole, getCallerIdentity } from "./sts-operations";

const operations: Record<string, (ctx: RequestContext, input: ReturnType<typeof parseQuery>) => XmlObject> = {
  GetCallerIdentity: (ctx) => getCallerIdentity(ctx),
  AssumeRole: (ctx, q) =>
    assumeRole(ctx, {
      roleArn: qRequired(q, "RoleArn"),
      sessionName: qRequired(q, "RoleSessionName"),
      externalId: qStr(q, "ExternalId"),
      durationSeconds: qInt(q, "DurationSeconds"),
    }),
};

export const stsService: ServiceProtocol = {
  name: "sts",
  resolve(call: IncomingCall): ResolvedCall {
    const input = parseQuery(call.body || call.query.toString());
    const action = qStr(input, "Action") ?? "";
    const op = operations[action];
    return {
      operation: action || "Unknown",
      run(ctx) {
        if (!op) throw awsError("InvalidAction", `Could not find operation ${action} for version 2011-06-15`);
        return stsResponse(action, ctx.requestId, op(ctx, input));
      },
    };
  },
  renderError: stsError,
  throttle: { code: "Throttling", status: 400 },
  internal: { code: "InternalFailure", status: 500 },
};
