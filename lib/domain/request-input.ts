import { z } from "zod";
import {
  accountIdSchema,
  cidrSchema,
  regionSchema,
  securityGroupIdSchema,
  subnetIdSchema,
  vpcIdSchema,
} from "./aws-ids";
import { cidrOf, isPrivateCidr } from "./cidr";
import { expectedGbPerMonthSchema } from "./cost/expected-traffic";
import { endDateSchema } from "./expiry/end-date";
import { parseClusterArn } from "./cluster-arn";
import { REQUEST_LIMITS } from "./validation/request-limits";
import { safeText } from "./validation/safe-text";

export const AUTH_MODES = ["iam", "scram", "tls", "plaintext"] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

function noDuplicates<T>(items: readonly T[], ctx: z.RefinementCtx, message: (item: T) => string): void {
  const seen = new Set<T>();
  items.forEach((item, index) => {
    if (seen.has(item)) ctx.addIssue({ code: "custom", message: message(item), path: [index] });
    seen.add(item);
  });
}

const onPremCidrSchema = cidrSchema.superRefine((value, ctx) => {
  // Only judge ranges once the syntax is right; the syntax message already explains the rest.
  let cidr;
  try {
    cidr = cidrOf(value);
  } catch {
    return;
  }
  if (cidr.prefix === 0) {
    ctx.addIssue({ code: "custom", message: "0.0.0.0/0 would open the cluster to every network; list your network's CIDRs" });
  } else if (!isPrivateCidr(cidr)) {
    ctx.addIssue({
      code: "custom",
      message: "On-premises CIDRs must be private (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10)",
    });
  }
});

const awsVpcClientSchema = z.strictObject({
  type: z.literal("aws-vpc"),
  accountId: accountIdSchema,
  region: regionSchema,
  vpcId: vpcIdSchema,
  securityGroupIds: z
    .array(securityGroupIdSchema, { error: "Add the security group your client uses" })
    .min(1, "Add at least one security group your client uses")
    .superRefine((ids, ctx) => noDuplicates(ids, ctx, (id) => `${id} is listed twice`)),
  subnetIds: z
    .array(subnetIdSchema)
    .min(1, "Leave the subnets out to use all of the VPC's subnets, or list at least one")
    .superRefine((ids, ctx) => noDuplicates(ids, ctx, (id) => `${id} is listed twice`))
    .optional(),
});

const onPremClientSchema = z.strictObject({
  type: z.literal("on-prem"),
  cidrs: z
    .array(onPremCidrSchema, { error: "Add your network's CIDRs" })
    .min(1, "Add at least one CIDR of your on-premises network")
    .superRefine((cidrs, ctx) => noDuplicates(cidrs, ctx, (c) => `${c} is listed twice`)),
});

const saasClientSchema = z.strictObject({
  type: z.literal("saas"),
  accountId: accountIdSchema,
  providerName: safeText({
    min: 2,
    tooShort: "Enter the provider's name",
    max: REQUEST_LIMITS.providerName,
    tooLong: `Keep the provider's name under ${REQUEST_LIMITS.providerName} characters`,
  }),
});

export const clientLocationSchema = z.discriminatedUnion("type", [awsVpcClientSchema, onPremClientSchema, saasClientSchema], {
  error: "Choose where the client runs: an AWS VPC, on-premises, or a SaaS provider",
});
export type ClientLocation = z.infer<typeof clientLocationSchema>;
export type AwsVpcClientLocation = Extract<ClientLocation, { type: "aws-vpc" }>;

export const clusterArnSchema = z
  .string({ error: "Choose a cluster" })
  .trim()
  .refine((arn): boolean => parseClusterArn(arn) !== null, {
    error: "Enter an MSK cluster ARN like arn:aws:kafka:us-east-1:123456789012:cluster/name/uuid",
  });

export const authModeSchema = z.enum(AUTH_MODES, { error: "Choose IAM, SASL/SCRAM, TLS or plaintext" });

// Kafka topic and group names (letters, digits, '.', '_', '-', up to 249); a trailing * asks for a prefix,
// which IAM's topic and group ARNs accept as a wildcard.
const kafkaNamesSchema = z
  .array(
    z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,249}\*?$/, "Use topic and group names of letters, digits, '.', '_' and '-'; end one with * for a prefix"),
  )
  .superRefine((names, ctx) => noDuplicates(names, ctx, (n) => `${n} is listed twice`));

/** What the client may do on the cluster: the IAM policy is narrowed to it. Left out: every topic and group. */
export const topicAccessSchema = z
  .strictObject({ readTopics: kafkaNamesSchema, writeTopics: kafkaNamesSchema, consumerGroups: kafkaNamesSchema })
  .superRefine((access, ctx) => {
    if (access.readTopics.length === 0 && access.writeTopics.length === 0) {
      ctx.addIssue({ code: "custom", path: ["readTopics"], message: "Name the topics the client reads or writes, or leave all three empty for every topic" });
    }
    if (access.consumerGroups.length > 0 && access.readTopics.length === 0) {
      ctx.addIssue({ code: "custom", path: ["consumerGroups"], message: "Consumer groups read topics: name the topics they read" });
    }
  });
export type TopicAccessInput = z.infer<typeof topicAccessSchema>;

const requestInputShape = {
  clusterArn: clusterArnSchema,
  client: clientLocationSchema,
  authModes: z
    .array(authModeSchema, { error: "Choose at least one authentication mode" })
    .min(1, "Choose at least one authentication mode")
    .superRefine((modes, ctx) => {
      if (new Set(modes).size !== modes.length) {
        ctx.addIssue({ code: "custom", message: "Choose each authentication mode once" });
      }
    }),
  environment: z.enum(ENVIRONMENTS, { error: "Choose dev, staging or prod" }),
  justification: safeText({
    min: 20,
    tooShort: "Say in at least 20 characters why the client needs access",
    max: REQUEST_LIMITS.justification,
    tooLong: `Keep the justification under ${REQUEST_LIMITS.justification} characters`,
    multiline: true,
  }),
  // A VPC client may ask for MSK multi-VPC private connectivity (PrivateLink) instead of peering or the hub:
  // the way through when its CIDRs overlap the cluster's.
  preferredMethod: z.literal("multi-vpc-private-connectivity", { error: "Unknown connection method" }).optional(),
  topicAccess: topicAccessSchema.optional(),
  // The requester's own estimate; it only prices the plan's per-GB lines (lib/domain/cost).
  expectedGbPerMonth: expectedGbPerMonthSchema.optional(),
  // When the portal removes the connection by itself; left out: no end date. Checked against the clock and the
  // policy's limits when filed (checkEndDate).
  endsAt: endDateSchema.optional().meta({ description: "YYYY-MM-DD (00:00 UTC that day) or an ISO date-time; the connection is removed then" }),
};

// Sizes are checked on what is filed, not in the location and topic schemas, which also read stored rows:
// a request filed before a limit existed must still open.
function sizeLimits(input: z.infer<z.ZodObject<typeof requestInputShape>>, ctx: z.RefinementCtx): void {
  const over = (list: readonly unknown[] | undefined, max: number, path: string[], message: string) => {
    if ((list?.length ?? 0) > max) ctx.addIssue({ code: "custom", path, message });
  };
  const { client, topicAccess } = input;
  if (client.type === "on-prem") over(client.cidrs, REQUEST_LIMITS.cidrs, ["client", "cidrs"], `List at most ${REQUEST_LIMITS.cidrs} CIDRs; summarise adjacent ranges into larger ones`);
  if (client.type === "aws-vpc") {
    over(client.securityGroupIds, REQUEST_LIMITS.securityGroups, ["client", "securityGroupIds"], `List at most ${REQUEST_LIMITS.securityGroups} security groups (AWS allows ${REQUEST_LIMITS.securityGroups} per network interface)`);
    over(client.subnetIds, REQUEST_LIMITS.subnets, ["client", "subnetIds"], `List at most ${REQUEST_LIMITS.subnets} subnets`);
  }
  for (const list of ["readTopics", "writeTopics", "consumerGroups"] as const) {
    over(topicAccess?.[list], REQUEST_LIMITS.topicNamesPerList, ["topicAccess", list], `List at most ${REQUEST_LIMITS.topicNamesPerList} names; end one with * to cover a prefix`);
  }
}

function requestInputRules(input: z.infer<z.ZodObject<typeof requestInputShape>>, ctx: z.RefinementCtx): void {
  sizeLimits(input, ctx);
  if (input.topicAccess && !input.authModes.includes("iam")) {
    ctx.addIssue({
      code: "custom",
      path: ["topicAccess", "readTopics"],
      message: "Topic access is granted through the IAM policy: choose IAM authentication, or leave the topics empty",
    });
  }
  if (input.preferredMethod && input.client.type !== "aws-vpc") {
    ctx.addIssue({ code: "custom", path: ["preferredMethod"], message: "Only a client in an AWS VPC can choose the connection method" });
  }
}

// Strict: a misspelt field ("justfication") is refused by name rather than silently dropped.
export const requestInputSchema = z.strictObject(requestInputShape).superRefine(requestInputRules);

/** The JSON API's body: the form's fields plus the team to file for. */
export const requestBodySchema = z
  .strictObject({
    ...requestInputShape,
    teamId: z.string().min(1).max(100).optional().meta({ description: "File for this team of yours; default: your first team" }),
    fileAnyway: z
      .boolean({ error: "Send true or false" })
      .optional()
      .meta({ description: "File even though a live request already connects this client to this cluster; without it such a request is refused with 409 at `fileAnyway`" }),
    filedFrom: z.string().min(1).max(100).optional().meta({ description: "The id of the request this one is edited from or modelled on; recorded in the audit" }),
  })
  .superRefine(requestInputRules);
export type RequestInput = z.infer<typeof requestInputSchema>;

/** Dotted field paths ("client.cidrs.1") to messages; "" holds errors about the whole form. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const name of issue.keys) out[[...issue.path, name].map(String).join(".")] = ["Unknown field: remove it"];
      continue;
    }
    const key = issue.path.map(String).join(".");
    const list = out[key] ?? [];
    if (!list.includes(issue.message)) list.push(issue.message);
    out[key] = list;
  }
  return out;
}
