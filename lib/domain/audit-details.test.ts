import { describe, expect, it } from "vitest";

import { readAuditDetails } from "./audit-details";

describe("readAuditDetails", () => {
  it("reads the object an event was recorded with", () => {
    expect(readAuditDetails({ from: "SUBMITTED", to: "APPROVED" })).toEqual({ from: "SUBMITTED", to: "APPROVED" });
  });

  it.each([
    [[1, 2], "[1,2]"],
    ["approved", '"approved"'],
    [null, "null"],
  ])("shows %j, which is not an object, as unreadable with what it holds", (value, shown) => {
    expect(readAuditDetails(value)).toEqual({ unreadable: shown });
  });
});
