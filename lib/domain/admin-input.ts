import { z } from "zod";

import { PATH_ANALYSIS_SETTINGS } from "./path-analysis/analysis-eligibility";

import { accountIdSchema, regionSchema } from "./aws-ids";
import { safeText } from "./validation/safe-text";
import { TEXT_LIMITS } from "./validation/text-limits";

const roleArnSchema = z
  .string()
  .trim()
  .regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "Enter a role ARN like arn:aws:iam::123456789012:role/MskConnectivityPortal");

export const accountFormSchema = z
  .object({
    id: accountIdSchema,
    name: safeText({ min: 2, tooShort: "Name the account (at least 2 characters)", max: TEXT_LIMITS.accountName, tooLong: `Keep the name under ${TEXT_LIMITS.accountName} characters` }),
    kind: z.enum(["CLUSTER_OWNER", "APPLICATION", "TRANSIT", "SAAS_PROVIDER"], { error: "Choose what the account is for" }),
    /** Empty: the portal's default role name (PORTAL_ROLE_NAME) in the account, filled in by the server. */
    roleArn: roleArnSchema,
    externalId: safeText({ max: TEXT_LIMITS.externalId, tooLong: `External ids are at most ${TEXT_LIMITS.externalId} characters` }).optional(),
    regions: z.array(regionSchema).min(1, "Choose at least one Region").max(40, "Choose at most 40 Regions"),
    /** Teams whose requesters file for clients in this account. */
    teamIds: z.array(z.string().min(1).max(100)).max(200, "Choose at most 200 teams").default([]),
  })
  .refine((a) => a.roleArn.split(":")[4] === a.id, { path: ["roleArn"], message: "The role must be in the account itself" });

export type AccountForm = z.infer<typeof accountFormSchema>;

const tgwRouteTable = z.string().trim().regex(/^tgw-rtb-[0-9a-f]{8,17}$/, "Enter a TGW route table id like tgw-rtb-0abc1234");

/** A transit gateway hub: its account, Region and the route tables the plans associate attachments with. */
export const hubFormSchema = z.object({
  accountId: accountIdSchema,
  region: regionSchema,
  transitGatewayId: z.string().trim().regex(/^tgw-[0-9a-f]{8,17}$/, "Enter a transit gateway id like tgw-0abc1234"),
  /** Cluster VPCs' attachments are associated here; client VPCs' attachments propagate into it. */
  clusterSide: tgwRouteTable,
  /** Client VPCs' attachments are associated here; cluster VPCs' attachments propagate into it. */
  clientSide: tgwRouteTable,
  onPrem: tgwRouteTable,
});

export const HUB_FIELDS = ["accountId", "region", "transitGatewayId", "clusterSide", "clientSide", "onPrem"] as const;

export const platformFormSchema = z.object({
  crossAccountVpcVia: z.enum(["peering", "transit-gateway"], { error: "Choose peering or the transit gateway hub" }),
  tgwDefaultPropagation: z.enum(["disable", "keep"], { error: "Choose whether plans disable the default propagation" }),
  pathAnalysis: z.enum(PATH_ANALYSIS_SETTINGS, { error: "Choose which requests are proven with a path analysis" }),
  organizationArn: z.string().trim().regex(/^arn:aws(-[a-z]+)*:organizations::\d{12}:organization\/o-[a-z0-9]{10,32}$/, "Enter an organization ARN").optional(),
  organizationAccountIds: z.array(accountIdSchema).optional(),
  ramSharingEnabled: z.boolean(),
  // One hub per Region: the plan picks the hub of the cluster's Region.
  hubs: z.array(hubFormSchema).superRefine((hubs, ctx) => {
    hubs.forEach((hub, i) => {
      const first = hubs.findIndex((h) => h.region === hub.region);
      if (first !== i) {
        ctx.addIssue({ code: "custom", path: [i, "region"], message: `Hub ${first + 1} already serves ${hub.region}: one hub per Region` });
      }
    });
  }),
  // Where the DX gateway <-> TGW association is read; unset means the hub's transit account.
  dxGatewayOwnerAccountId: accountIdSchema.optional(),
});

export type PlatformForm = z.infer<typeof platformFormSchema>;
