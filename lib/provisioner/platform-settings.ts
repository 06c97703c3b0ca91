import { z } from "zod";

import { PATH_ANALYSIS_SETTINGS, type PathAnalysisSetting } from "@/lib/domain/path-analysis/analysis-eligibility";
import type { PlatformSettings } from "@/lib/domain/plan/facts";

import type { PrismaClient } from "@/lib/db/prisma-factory";

const hubSchema = z.object({
  accountId: z.string().regex(/^\d{12}$/),
  region: z.string().min(1),
  transitGatewayId: z.string().startsWith("tgw-"),
  routeTables: z.object({ sharedServices: z.string(), spokes: z.string(), onPrem: z.string() }),
});

const organizationSchema = z.object({
  arn: z.string(),
  accountIds: z.array(z.string()),
  ramSharingEnabled: z.boolean(),
});

export type TransitHubSetting = z.infer<typeof hubSchema>;

export type PortalPlatformSettings = Omit<PlatformSettings, "transitHubs"> & {
  transitHubs: TransitHubSetting[];
  /** Owns the Direct Connect gateway whose association discovery reads; null: each hub's transit account. */
  dxGatewayOwnerAccountId: string | null;
  tgwDefaultPropagation: "disable" | "keep";
  pathAnalysis: PathAnalysisSetting;
};

// The settings row as the planner wants it; the hubs are only named here and are discovered from AWS when a
// plan needs one.
export async function loadPlatformSettings(prisma: PrismaClient): Promise<PortalPlatformSettings> {
  const row = await prisma.platformSettings.findUnique({ where: { id: 1 } });
  return {
    tagKeys: { requestId: row?.tagKeyRequestId ?? "msk-portal:request-id", stepKey: row?.tagKeyStepKey ?? "msk-portal:step-key" },
    crossAccountVpcVia: row?.crossAccountVpcVia === "transit-gateway" ? "transit-gateway" : "peering",
    organization: row?.organization ? organizationSchema.parse(row.organization) : null,
    transitHubs: z.array(hubSchema).parse(row?.transitHubs ?? []),
    dxGatewayOwnerAccountId: row?.dxGatewayOwnerAccountId ?? null,
    tgwDefaultPropagation: row?.tgwDefaultPropagation === "keep" ? "keep" : "disable",
    pathAnalysis: PATH_ANALYSIS_SETTINGS.find((s) => s === row?.pathAnalysis) ?? "same-account",
  };
}
