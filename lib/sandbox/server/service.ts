import type { WireResponse } from "../protocols/responses";
import type { RequestContext } from "../state/world";

export type IncomingCall = {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  /** `X-Amz-Target`: how AWS JSON protocols (Direct Connect) name the operation. */
  target?: string;
};

/** An operation recognized from the request, not yet run. */
export type ResolvedCall = {
  operation: string;
  run(ctx: RequestContext): WireResponse;
  /** The request as IAM reads it, where the body is not it (EC2 Query calls may arrive in the URL). */
  authorizationBody?: string;
};

/** How one AWS service is spoken: its operations, error envelope and fault codes. */
export type ServiceProtocol = {
  name: string;
  resolve(call: IncomingCall): ResolvedCall;
  renderError(requestId: string, code: string, message: string, status: number): WireResponse;
  throttle: { code: string; status: number };
  internal: { code: string; status: number };
};

/** Read-only operations do not save the state file. */
export function isReadOnly(operation: string): boolean {
  return /^(Describe|Get|List|Search)/.test(operation);
}
