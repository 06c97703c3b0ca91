import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { accountFormSchema } from "../admin-input";
import { registerPersonSchema } from "../people/person-input";
import { tokenFormSchema } from "../people/token-input";
import { transitionCommentSchema } from "./comment";
import { REQUEST_LIMITS } from "./request-limits";
import { TEXT_LIMITS } from "./text-limits";

// The forms' maxLength comes from these numbers: a schema with its own would refuse what the form let through.
const field = (schema: z.ZodType, key: string | null, base: Record<string, unknown> = {}) => (text: string) =>
  schema.safeParse(key ? { ...base, [key]: text } : text).error?.issues.some((i) => key === null || i.path[0] === key) ?? false;

const account = { id: "123456789012", name: "payments", kind: "APPLICATION", roleArn: "arn:aws:iam::123456789012:role/R", regions: ["us-east-1"] };
const email = (length: number) => `${"a".repeat(length - "@example.com".length)}@example.com`;

describe("the schemas refuse text exactly past the limit the forms show", () => {
  it.each([
    ["account name", field(accountFormSchema, "name", account), TEXT_LIMITS.accountName],
    ["external id", field(accountFormSchema, "externalId", account), TEXT_LIMITS.externalId],
    ["token name", field(tokenFormSchema, "name", { scope: "read", lifetimeDays: 30 }), TEXT_LIMITS.tokenName],
    ["person's name", field(registerPersonSchema, "name", { email: "a@example.com", roles: [], teamIds: [] }), TEXT_LIMITS.personName],
    ["comment", field(transitionCommentSchema, null), REQUEST_LIMITS.comment],
  ])("%s", (_name, refused, limit) => {
    expect(refused("x".repeat(limit))).toBe(false);
    expect(refused("x".repeat(limit + 1))).toBe(true);
  });

  it("e-mail address", () => {
    const refused = field(registerPersonSchema, "email", { name: "", roles: [], teamIds: [] });
    expect(refused(email(TEXT_LIMITS.email))).toBe(false);
    expect(refused(email(TEXT_LIMITS.email + 1))).toBe(true);
  });
});
