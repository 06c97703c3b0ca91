import { describe, expect, it } from "vitest";

import { fieldErrors, requestInputSchema } from "@/lib/domain/request-input";

import { requestFromFormData } from "./form-data";

function form(expected: string | null): FormData {
  const data = new FormData();
  data.set("clusterArn", "arn:aws:kafka:us-east-1:111111111111:cluster/orders/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5");
  data.set("client.type", "on-prem");
  data.set("client.cidrs", "192.168.10.0/24");
  data.append("authModes", "iam");
  data.set("environment", "dev");
  data.set("justification", "Nightly batch reads the orders topic");
  if (expected !== null) data.set("expectedGbPerMonth", expected);
  return data;
}

const parse = (expected: string | null) => requestInputSchema.safeParse(requestFromFormData(form(expected)).input);

describe("the form's expected traffic field", () => {
  it("is optional: empty or left out means not given", () => {
    for (const value of [null, "", "  "]) {
      const parsed = parse(value);
      expect(parsed.success).toBe(true);
      expect(parsed.data).not.toHaveProperty("expectedGbPerMonth");
    }
  });

  it("takes a whole number, with thousands separators", () => {
    expect(parse("2,500").data?.expectedGbPerMonth).toBe(2500);
  });

  it.each([
    ["lots", "Enter the expected traffic as a whole number of GB per month, or leave it empty"],
    ["0.5", "Enter a whole number of GB per month"],
    ["-1", "Expected traffic cannot be negative"],
  ])("refuses %j at its own field", (value, message) => {
    const parsed = parse(value);
    expect(parsed.error && fieldErrors(parsed.error)).toEqual({ expectedGbPerMonth: [message] });
  });
});
