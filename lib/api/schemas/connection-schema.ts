import { z } from "zod";

import { clientSettingsSchema } from "@/lib/domain/plan/connection-details";

const policyStatementJsonSchema = z.object({
  Sid: z.string().optional(),
  Effect: z.enum(["Allow", "Deny"]),
  Principal: z.union([z.object({ AWS: z.union([z.string(), z.array(z.string())]) }), z.literal("*")]).optional(),
  Action: z.union([z.string(), z.array(z.string())]),
  Resource: z.union([z.string(), z.array(z.string())]),
  Condition: z.record(z.string(), z.unknown()).optional(),
});

/** What an Active request's client is told; the page's "Connect your client". */
export const connectionJsonSchema = z.object({
  bootstrap: z.string().nullable().meta({ description: "The bootstrap brokers of the preferred mode (IAM, SCRAM, TLS, plaintext); null until MSK publishes them" }),
  clientSettings: clientSettingsSchema.meta({ description: "Per authentication mode: its bootstrap string, Java and librdkafka properties, notes" }),
  iamPolicy: z.object({ Version: z.literal("2012-10-17"), Statement: z.array(policyStatementJsonSchema) }).nullable(),
  iamPolicyScope: z.enum(["every-topic", "topics-asked-for"]).nullable(),
  saasHandover: z.object({ message: z.string(), remedy: z.string() }).nullable().meta({ description: "For a SaaS client: what to give the provider" }),
});
