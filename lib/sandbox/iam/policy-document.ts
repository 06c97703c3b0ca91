import { z } from "zod";

/** An IAM identity policy as a topology gives it to an account's role (NotAction/NotResource are refused). */
const stringOrList = z.union([z.string(), z.array(z.string())]);

export const policyDocumentSchema = z.strictObject({
  Version: z.literal("2012-10-17").default("2012-10-17"),
  Statement: z.array(
    z.strictObject({
      Sid: z.string().optional(),
      Effect: z.enum(["Allow", "Deny"]),
      Action: stringOrList,
      Resource: stringOrList.default("*"),
      Condition: z.record(z.string(), z.record(z.string(), stringOrList)).optional(),
    }),
  ),
});

export type PolicyDocument = z.output<typeof policyDocumentSchema>;
