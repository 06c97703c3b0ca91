import { z } from "zod";

import type { PlatformSettings } from "@/lib/domain/plan/facts";

import type { PrismaClient } from "@/lib/db/prisma-factory";

const hubSchema = z.object({
  accountId: z.string().regex(/^\d{12}$/),
  region: z.string().min(1),
  transitGatewayId: z.string().startsWith("tgw-"),
  routeTables: z.object({ sharedServices: z.string(), spokes: z.string(), onPrem: z.string() }),
  // The AWS-side prefixes the DX gateway association advertises to on-premises. Read through the Direct Connect
  // API in AWS, which the portal does not call; the platform team records them here.
  dxAllowedPrefixes: z.array(z.string()).optional(),
});

const organizationSchema = z.object({
  arn: z.string(),
  accountIds: z.array(z.string()),
  ramSharingEnabled: z.boolean(),
});

export type TransitHubSetting = z.infer<typeof hubSchema>;

export type PortalPlatformSettings = Omit<PlatformSettings, "transitHubs"> & { transitHubs: TransitHubSetting[] };

// The settings row as the planner wants it; the hubs are only named here and are discovered from AWS when a
// plan needs one.
export async function loadPlatformSettings(prisma: PrismaClient): Promise<PortalPlatformSettings> {
  const row = await prisma.platformSettings.findUnique({ where: { id: 1 } });
  return {
    tagKeys: { requestId: row?.tagKeyRequestId ?? "msk-portal:request-id", stepKey: row?.tagKeyStepKey ?? "msk-portal:step-key" },
    crossAccountVpcVia: row?.crossAccountVpcVia === "transit-gateway" ? "transit-gateway" : "peering",
    organization: row?.organization ? organizationSchema.parse(row.organization) : null,
    transitHubs: z.array(hubSchema).parse(row?.transitHubs ?? []),
  };
}
