import { AccountAccessError, AccountNotRegisteredError } from "./account-access-error";
import { portalCallOf } from "./call-context";
import { accessDeniedMessage } from "./iam/access-denied";

export type AwsErrorKind = "throttle" | "server" | "state" | "not-found" | "duplicate" | "permission" | "invalid";

export type AwsErrorInfo = {
  /** AWS's error code (e.g. `InvalidVpcID.NotFound`), or the JS error name when AWS gave none. */
  code: string;
  /** Plain words for a platform engineer; AWS's own text stays in `awsMessage`. */
  message: string;
  retryable: boolean;
  kind: AwsErrorKind;
  awsMessage: string;
  requestId?: string;
  httpStatus?: number;
};

type ErrorShape = {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  $metadata?: { requestId?: unknown; httpStatusCode?: unknown };
  $fault?: unknown;
};

const THROTTLE = new Set([
  "RequestLimitExceeded",
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestThrottled",
  "RequestThrottledException",
  "EC2ThrottledException",
  "SlowDown",
  "PriorRequestNotComplete",
  "BandwidthLimitExceeded",
]);

const SERVER = new Set([
  "InternalError",
  "InternalFailure",
  "InternalServerError",
  "InternalServerErrorException",
  "InternalServiceError",
  "ServerInternalException",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "Unavailable",
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
]);

// Retried by the runner with backoff: AWS is still moving the resource from one state to the next.
const STATE = new Set([
  "IncorrectState",
  "InvalidStateTransition",
  "IncorrectInstanceState",
  "InvalidState",
  "ConcurrentModification",
]);

const DUPLICATE = new Set([
  "RouteAlreadyExists",
  "InvalidPermission.Duplicate",
  "DuplicateTransitGatewayAttachment",
  "Resource.AlreadyAssociated",
  "VpcPeeringConnectionAlreadyExists",
  "ResourceShareInvitationAlreadyAcceptedException",
  "ResourceAlreadyExistsException",
  "ConflictException",
]);

const PERMISSION = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "ForbiddenException",
  "AuthFailure",
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
  "ExpiredToken",
  "ExpiredTokenException",
  "OperationNotPermitted",
  "OperationNotPermittedException",
  "OptInRequired",
  "MissingAuthenticationTokenException",
]);

const NOT_FOUND = new Set([
  "NotFoundException",
  "ResourceNotFoundException",
  "UnknownResourceException",
  "ResourceArnNotFoundException",
]);

// Network-level failures from the HTTP handler: the request may never have reached AWS.
const NETWORK_ERROR = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|socket hang up/i;

const RESOURCE_WORDS: Array<[RegExp, string]> = [
  [/\bpcx-[0-9a-f]+|peering/i, "VPC peering connection"],
  [/\btgw-attach-[0-9a-f]+|attachment/i, "transit gateway attachment"],
  [/\btgw-rtb-[0-9a-f]+/i, "transit gateway route table"],
  [/\btgw-[0-9a-f]+|transit gateway/i, "transit gateway"],
  [/\brtb-[0-9a-f]+|route table/i, "route table"],
  [/\bsg-[0-9a-f]+|security group/i, "security group"],
  [/\bsubnet-[0-9a-f]+/i, "subnet"],
  [/\bvpc-[0-9a-f]+/i, "VPC"],
  [/:cluster\/|cluster/i, "MSK cluster"],
  [/resource-share|resourceshare/i, "RAM resource share"],
];

function resourceIn(code: string, awsMessage: string): string {
  const text = `${code} ${awsMessage}`;
  return RESOURCE_WORDS.find(([pattern]) => pattern.test(text))?.[1] ?? "resource";
}

function idIn(awsMessage: string): string | undefined {
  return /\b(?:pcx|tgw-attach|tgw-rtb|tgw|rtb|sg|subnet|vpc)-[0-9a-f]{8,17}\b/.exec(awsMessage)?.[0];
}

function kindOf(code: string, status: number | undefined, fault: unknown, awsMessage: string): AwsErrorKind {
  if (THROTTLE.has(code) || status === 429) return "throttle";
  if (STATE.has(code)) return "state";
  if (DUPLICATE.has(code) || code.endsWith(".Duplicate") || /AlreadyExists|AlreadyAssociated/.test(code)) return "duplicate";
  if (NOT_FOUND.has(code) || code.endsWith(".NotFound") || code.endsWith(".Malformed.NotFound")) return "not-found";
  if (PERMISSION.has(code) || status === 401 || status === 403) return "permission";
  if (SERVER.has(code) || (status !== undefined && status >= 500) || fault === "server") return "server";
  if (status === undefined && NETWORK_ERROR.test(`${code} ${awsMessage}`)) return "server";
  return "invalid";
}

function plainMessage(kind: AwsErrorKind, code: string, awsMessage: string): string {
  const what = resourceIn(code, awsMessage);
  const id = idIn(awsMessage);
  const named = id ? `${what} ${id}` : `${what}`;
  switch (kind) {
    case "throttle":
      return "AWS is throttling the portal's requests; the step is retried after a pause";
    case "server":
      return "AWS had an internal error or could not be reached; the step is retried";
    case "state":
      if (what === "VPC peering connection") return `The VPC peering connection${id ? ` ${id}` : ""} is not active yet`;
      if (what === "transit gateway attachment")
        return `The transit gateway attachment${id ? ` ${id}` : ""} is not available yet`;
      return `The ${named} is busy or not in a state that allows this change yet; the step is retried`;
    case "not-found":
      return `The ${named} does not exist, or the account the portal acts as cannot see it`;
    case "duplicate":
      if (code === "RouteAlreadyExists") return "The route table already has a route for this destination";
      if (code === "InvalidPermission.Duplicate") return "The security group already has this inbound rule";
      if (code === "DuplicateTransitGatewayAttachment") return "The VPC is already attached to this transit gateway";
      return `The ${what} already exists or is already associated`;
    case "permission":
      if (code === "UnauthorizedOperation")
        return "The portal's role is not allowed to make this change in the account; extend the role's IAM policy";
      if (code === "OperationNotPermitted")
        return `Only the other side may do this to the ${named}, or it is not allowed in its current state`;
      return "The portal is not allowed to do this in the account: check the role, its trust policy and its permissions";
    case "invalid":
      if (/LimitExceeded$/.test(code))
        return `An AWS quota was reached (${code}); ask AWS for a higher quota or free some capacity`;
      return `AWS refused the request as invalid (${code}): ${awsMessage}`;
  }
}

/** What went wrong in a call to AWS, classified so the runner knows whether to retry and the UI what to say. */
export function describeAwsError(error: unknown): AwsErrorInfo {
  const e = (typeof error === "object" && error !== null ? error : {}) as ErrorShape;
  const codeField = [e.code, e.Code, e.name].find((v): v is string => typeof v === "string" && v !== "" && v !== "Error");
  const code = codeField ?? (typeof e.name === "string" ? e.name : "UnknownError");
  const awsMessage = typeof e.message === "string" ? e.message : String(error);
  const status = typeof e.$metadata?.httpStatusCode === "number" ? e.$metadata.httpStatusCode : undefined;
  const kind = kindOf(code, status, e.$fault, awsMessage);
  const requestId = awsRequestIdOf(error);
  return {
    code,
    // AssumeRole failures and the step executors' own conflicts (a route pointing elsewhere, a failed peering)
    // are already written for the engineer.
    message:
      error instanceof AccountAccessError ||
      error instanceof AccountNotRegisteredError ||
      (error instanceof Error && error.name === "StepConflictError")
        ? error.message
        : (accessDeniedMessage(code, awsMessage, portalCallOf(error)) ?? plainMessage(kind, code, awsMessage)),
    retryable: kind === "throttle" || kind === "server" || kind === "state",
    kind,
    awsMessage,
    ...(requestId ? { requestId } : {}),
    ...(status !== undefined ? { httpStatus: status } : {}),
  };
}

/** The AWS request id of an SDK output or error, for the audit trail and AWS support cases. */
export function awsRequestIdOf(errorOrOutput: unknown): string | undefined {
  if (typeof errorOrOutput !== "object" || errorOrOutput === null) return undefined;
  const id = (errorOrOutput as ErrorShape).$metadata?.requestId;
  return typeof id === "string" && id !== "" ? id : undefined;
}
