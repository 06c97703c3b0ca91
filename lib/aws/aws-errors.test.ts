import { describe, expect, it } from "vitest";
import { AccountAccessError } from "./account-access-error";
import { awsRequestIdOf, describeAwsError, type AwsErrorKind } from "./aws-errors";

/** The shape SDK v3 errors have: name = AWS code, $metadata with status and request id. */
function sdkError(name: string, message: string, httpStatusCode = 400, fault: "client" | "server" = "client") {
  return Object.assign(new Error(message), { name, $fault: fault, $metadata: { httpStatusCode, requestId: "req-123" } });
}

const cases: Array<[string, ReturnType<typeof sdkError>, AwsErrorKind, boolean, RegExp]> = [
  ["EC2 throttling", sdkError("RequestLimitExceeded", "Request limit exceeded.", 503), "throttle", true, /throttling/],
  ["STS throttling", sdkError("Throttling", "Rate exceeded"), "throttle", true, /throttling/],
  ["RAM throttling", sdkError("ThrottlingException", "Rate exceeded", 429), "throttle", true, /throttling/],
  ["MSK throttling", sdkError("TooManyRequestsException", "Too many", 429), "throttle", true, /throttling/],
  ["EC2 internal error", sdkError("InternalError", "An internal error has occurred", 500, "server"), "server", true, /internal error/],
  ["any 5xx", sdkError("SomethingNew", "boom", 502, "server"), "server", true, /internal error/],
  ["peering not active", sdkError("IncorrectState", "The VPC peering connection pcx-0f000000000000022 is pending-acceptance, not active."), "state", true, /^The VPC peering connection pcx-0f000000000000022 is not active yet$/],
  ["attachment pending", sdkError("IncorrectState", "tgw-attachment tgw-attach-0f00000000000001 is in invalid state pending"), "state", true, /transit gateway attachment tgw-attach-0f00000000000001 is not available yet/],
  ["peering transition", sdkError("InvalidStateTransition", "Invalid state transition for pcx-0f000000000000022"), "state", true, /peering connection pcx-0f000000000000022 is not active yet/],
  ["VPC not found", sdkError("InvalidVpcID.NotFound", "The vpc ID 'vpc-0bbb00000000000ff' does not exist"), "not-found", false, /VPC vpc-0bbb00000000000ff does not exist/],
  ["MSK not found", sdkError("NotFoundException", "The resource does not exist.", 404), "not-found", false, /does not exist/],
  ["route exists", sdkError("RouteAlreadyExists", "Route 10.20.0.0/16 already exists"), "duplicate", false, /already has a route/],
  ["rule exists", sdkError("InvalidPermission.Duplicate", "the specified rule already exists"), "duplicate", false, /already has this inbound rule/],
  ["attachment exists", sdkError("DuplicateTransitGatewayAttachment", "tgw has non-deleted attachments with same VPC ID"), "duplicate", false, /already attached/],
  ["propagation exists", sdkError("TransitGatewayRouteTablePropagation.Duplicate", "already propagates"), "duplicate", false, /already/],
  ["STS denied", sdkError("AccessDenied", "not authorized to perform sts:AssumeRole", 403), "permission", false, /not allowed/],
  ["EC2 unauthorized", sdkError("UnauthorizedOperation", "You are not authorized to perform this operation."), "permission", false, /IAM policy/],
  ["MSK forbidden", sdkError("ForbiddenException", "not authorized", 403), "permission", false, /not allowed/],
  ["bad parameter", sdkError("InvalidParameterValue", "CIDR block 10.0.0.0/33 is malformed"), "invalid", false, /InvalidParameterValue.*malformed/],
  ["two subnets in one AZ", sdkError("DuplicateSubnetsInSameZone", "Only one subnet per AZ"), "invalid", false, /refused/],
  ["quota", sdkError("RulesPerSecurityGroupLimitExceeded", "The maximum number of rules per security group has been reached."), "invalid", false, /quota/],
];

describe("describeAwsError", () => {
  it.each(cases)("%s", (_label, error, kind, retryable, message) => {
    const info = describeAwsError(error);
    expect(info.kind).toBe(kind);
    expect(info.retryable).toBe(retryable);
    expect(info.message).toMatch(message);
    expect(info.code).toBe(error.name);
    expect(info.requestId).toBe("req-123");
  });

  it("treats a refused connection as a retryable server problem", () => {
    const info = describeAwsError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4566"), { code: "ECONNREFUSED" }));
    expect(info).toMatchObject({ kind: "server", retryable: true, code: "ECONNREFUSED" });
  });

  it("keeps the account and role an AssumeRole failure is about", () => {
    const error = new AccountAccessError({
      accountId: "222222222222",
      roleArn: "arn:aws:iam::222222222222:role/MskConnectivityPortal",
      externalIdSent: true,
      cause: sdkError("AccessDenied", "not authorized", 403),
    });
    expect(describeAwsError(error)).toMatchObject({
      kind: "permission",
      code: "AccessDenied",
      retryable: false,
      requestId: "req-123",
      message: expect.stringContaining("arn:aws:iam::222222222222:role/MskConnectivityPortal in account 222222222222"),
    });
  });
});

describe("awsRequestIdOf", () => {
  it("reads the request id of outputs and errors, and nothing from anything else", () => {
    expect(awsRequestIdOf({ $metadata: { requestId: "abc" }, Vpcs: [] })).toBe("abc");
    expect(awsRequestIdOf(sdkError("IncorrectState", "x"))).toBe("req-123");
    expect(awsRequestIdOf({ $metadata: {} })).toBeUndefined();
    expect(awsRequestIdOf("text")).toBeUndefined();
    expect(awsRequestIdOf(null)).toBeUndefined();
  });
});
