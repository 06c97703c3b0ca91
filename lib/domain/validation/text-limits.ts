// The longest text each form field outside a request takes (a request's are in request-limits.ts). The
// schemas enforce them; the forms give them to their inputs as maxLength, so the limit shows while typing.
export const TEXT_LIMITS = {
  accountName: 64,
  // What IAM allows for sts:ExternalId.
  externalId: 1224,
  tokenName: 80,
  personName: 120,
  // RFC 5321's longest path, less the angle brackets.
  email: 254,
} as const;
