import { describe, expect, it } from "vitest";

import { requestInputSchema, fieldErrors } from "../request-input";
import { expectedGbFromText } from "./expected-traffic";

const filing = {
  clusterArn: "arn:aws:kafka:us-east-1:111111111111:cluster/orders/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5",
  client: { type: "on-prem", cidrs: ["192.168.10.0/24"] },
  authModes: ["iam"],
  environment: "dev",
  justification: "Nightly batch reads the orders topic",
};

describe("expected GB per month on a filing", () => {
  it.each([
    ["", undefined, null],
    ["1500", 1500, null],
    ["1,500", 1500, null],
    ["0", 0, null],
    ["12.5", 12.5, "Enter a whole number of GB per month"],
    ["-3", -3, "Expected traffic cannot be negative"],
    ["lots", "lots", "Enter the expected traffic as a whole number of GB per month, or leave it empty"],
    ["20000000", 20_000_000, "Enter at most 10,000,000 GB per month (10 PB)"],
  ] as const)("%j", (typed, value, error) => {
    expect(expectedGbFromText(typed)).toBe(value);
    const parsed = requestInputSchema.safeParse({ ...filing, ...(value === undefined ? {} : { expectedGbPerMonth: value }) });
    if (error === null) {
      expect(parsed.success).toBe(true);
      expect(parsed.data?.expectedGbPerMonth).toBe(value);
    } else {
      expect(parsed.success).toBe(false);
      expect(parsed.error && fieldErrors(parsed.error)).toEqual({ expectedGbPerMonth: [error] });
    }
  });
});
