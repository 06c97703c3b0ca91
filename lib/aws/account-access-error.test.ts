import { describe, expect, it } from "vitest";

import { AccountAccessError, AccountNotRegisteredError, isNoAccessToAccount } from "./account-access-error";

const failure = (name: string, httpStatusCode: number) =>
  new AccountAccessError({ accountId: "222222222222", roleArn: "arn:aws:iam::222222222222:role/Portal", externalIdSent: false, cause: { name, message: name, $metadata: { httpStatusCode } } });

// Only STS's "no" says the portal cannot act in an account; anything transient must fail whoever asked.
describe("isNoAccessToAccount", () => {
  it.each<[string, number, boolean]>([
    ["AccessDenied", 403, true],
    ["RegionDisabledException", 403, true],
    ["Throttling", 400, false],
    ["InternalFailure", 500, false],
    ["ServiceUnavailable", 503, false],
    ["ExpiredTokenException", 400, false],
  ])("%s (%i) -> %s", (name, status, expected) => {
    expect(isNoAccessToAccount(failure(name, status))).toBe(expected);
  });

  it("an account no admin registered is one the portal cannot act in", () => {
    expect(isNoAccessToAccount(new AccountNotRegisteredError("555555555555"))).toBe(true);
  });

  it("any other error is not", () => {
    expect(isNoAccessToAccount(new Error("socket hang up"))).toBe(false);
  });
});
