import { planConnection, type ConnectionPlan, type PlatformSettings } from "@/lib/domain/plan";
import type { AuthMode, ClientLocation } from "@/lib/domain/request-input";
import type { AwsAccess } from "../../aws-access";
import { discoverClientFacts } from "../../discovery/discover-client-facts";
import { discoverClusterFacts } from "../../discovery/discover-cluster-facts";
import { discoverTransitHub } from "../../discovery/discover-transit-hub";
import { ACCOUNTS, ORDERS_ARN, TGW } from "./fixtures";
import { TAG_KEYS } from "./step-context";

/** The portal's settings for the default topology: one Organization, the transit account's hub. */
async function platform(access: AwsAccess, preferTgw: boolean): Promise<PlatformSettings> {
  const hub = await discoverTransitHub(access, {
    accountId: ACCOUNTS.transit,
    region: "us-east-1",
    transitGatewayId: TGW.id,
    routeTables: { sharedServices: TGW.vpcsTable, spokes: TGW.vpcsTable, onPrem: TGW.onPremTable },
  });
  return {
    tagKeys: TAG_KEYS,
    crossAccountVpcVia: preferTgw ? "transit-gateway" : "peering",
    organization: {
      arn: "arn:aws:organizations::999999999999:organization/o-portal0001",
      accountIds: [ACCOUNTS.msk, ACCOUNTS.apps, ACCOUNTS.transit],
      ramSharingEnabled: true,
    },
    transitHubs: [hub],
  };
}

/** Discovery then the pure planner, as the portal does it before approval. */
export async function planFor(
  access: AwsAccess,
  args: {
    requestId: string;
    client: ClientLocation;
    authModes: AuthMode[];
    preferredMethod?: "multi-vpc-private-connectivity";
    preferTgw?: boolean;
  },
): Promise<ConnectionPlan> {
  const cluster = await discoverClusterFacts(access, ORDERS_ARN);
  const client =
    args.client.type === "aws-vpc"
      ? await discoverClientFacts(access, {
          accountId: args.client.accountId,
          region: args.client.region,
          vpcId: args.client.vpcId,
          securityGroupIds: args.client.securityGroupIds,
          ...(args.client.subnetIds ? { subnetIds: args.client.subnetIds } : {}),
        })
      : null;
  return planConnection({
    request: {
      id: args.requestId,
      client: args.client,
      authModes: args.authModes,
      ...(args.preferredMethod ? { preferredMethod: args.preferredMethod } : {}),
    },
    cluster,
    client,
    platform: await platform(access, args.preferTgw ?? false),
  });
}
