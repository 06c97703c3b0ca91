import { z } from "zod";

import { accountIdSchema, cidrSchema, regionSchema } from "./aws-ids";

const roleArnSchema = z
  .string()
  .trim()
  .regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "Enter a role ARN like arn:aws:iam::123456789012:role/MskConnectivityPortal");

export const accountFormSchema = z
  .object({
    id: accountIdSchema,
    name: z.string().trim().min(2, "Name the account (at least 2 characters)").max(64, "Keep the name under 64 characters"),
    kind: z.enum(["CLUSTER_OWNER", "APPLICATION", "TRANSIT", "SAAS_PROVIDER"], { error: "Choose what the account is for" }),
    roleArn: roleArnSchema,
    externalId: z.string().trim().max(1224, "External ids are at most 1224 characters").optional(),
    regions: z.array(regionSchema).min(1, "Choose at least one Region"),
  })
  .refine((a) => a.roleArn.split(":")[4] === a.id, { path: ["roleArn"], message: "The role must be in the account itself" });

export type AccountForm = z.infer<typeof accountFormSchema>;

const tgwRouteTable = z.string().trim().regex(/^tgw-rtb-[0-9a-f]{8,17}$/, "Enter a TGW route table id like tgw-rtb-0abc1234");

export const platformFormSchema = z.object({
  crossAccountVpcVia: z.enum(["peering", "transit-gateway"], { error: "Choose peering or the transit gateway hub" }),
  organizationArn: z.string().trim().regex(/^arn:aws(-[a-z]+)*:organizations::\d{12}:organization\/o-[a-z0-9]{10,32}$/, "Enter an organization ARN").optional(),
  organizationAccountIds: z.array(accountIdSchema).optional(),
  ramSharingEnabled: z.boolean(),
  hub: z
    .object({
      accountId: accountIdSchema,
      region: regionSchema,
      transitGatewayId: z.string().trim().regex(/^tgw-[0-9a-f]{8,17}$/, "Enter a transit gateway id like tgw-0abc1234"),
      sharedServices: tgwRouteTable,
      onPrem: tgwRouteTable,
      dxAllowedPrefixes: z.array(cidrSchema),
    })
    .optional(),
});

export type PlatformForm = z.infer<typeof platformFormSchema>;
