import {
  describeAwsError,
  discoverClientFacts,
  discoverClusterFacts,
  discoverTransitHub,
  isDiscoveryFieldError,
  type AwsAccess,
} from "@/lib/aws";
import { checkPlanPermissions, type KitAccountKind } from "@/lib/aws/iam";
import type { TransitHub } from "@/lib/domain/plan/facts";
import { planConnection } from "@/lib/domain/plan/plan-connection";
import type { StoredPlan } from "@/lib/domain/plan/stored-plan";
import type { AuthMode, ClientLocation } from "@/lib/domain/request-input";

import type { PortalPlatformSettings } from "./platform-settings";

function withAllowedPrefixes(hub: TransitHub, allowed: string[] | undefined): TransitHub {
  if (!allowed || !hub.dxGatewayAssociation) return hub;
  return { ...hub, dxGatewayAssociation: { ...hub.dxGatewayAssociation, allowedPrefixes: allowed } };
}

export type PlanSubject = {
  requestId: string;
  clusterArn: string;
  client: ClientLocation;
  authModes: AuthMode[];
  preferredMethod?: "multi-vpc-private-connectivity";
};

// Discovery then the pure planner. Problems with what the requester typed (a VPC that does not exist where they
// said) are thrown as DiscoveryFieldError for the form; anything else AWS says becomes the stored plan's error,
// so the request keeps its place and can be re-planned.
export async function computePlan(
  access: AwsAccess,
  platform: PortalPlatformSettings,
  subject: PlanSubject,
  accountKind: (accountId: string) => KitAccountKind | null | undefined,
): Promise<StoredPlan> {
  const computedAt = new Date().toISOString();
  try {
    const cluster = await discoverClusterFacts(access, subject.clusterArn);
    const client =
      subject.client.type === "aws-vpc"
        ? await discoverClientFacts(access, {
            accountId: subject.client.accountId,
            region: subject.client.region,
            vpcId: subject.client.vpcId,
            securityGroupIds: subject.client.securityGroupIds,
            subnetIds: subject.client.subnetIds,
          })
        : null;
    const needsHub = subject.client.type === "on-prem" || platform.crossAccountVpcVia === "transit-gateway";
    const hubs = needsHub
      ? await Promise.all(
          platform.transitHubs
            .filter((h) => h.region === cluster.region)
            .map(async (setting) => withAllowedPrefixes(await discoverTransitHub(access, setting), setting.dxAllowedPrefixes)),
        )
      : [];
    const plan = planConnection({
      request: {
        id: subject.requestId,
        client: subject.client,
        authModes: subject.authModes,
        ...(subject.preferredMethod ? { preferredMethod: subject.preferredMethod } : {}),
      },
      cluster,
      client,
      platform: { ...platform, transitHubs: hubs },
    });
    // A plan the roles cannot carry out would fail half way: missing permissions block approval instead.
    const permissions = await checkPlanPermissions(access, plan, accountKind);
    const preflight = [...plan.preflight, ...permissions];
    return { computedAt, plan: { ...plan, preflight, approvable: !preflight.some((f) => f.severity === "block") } };
  } catch (error) {
    if (isDiscoveryFieldError(error)) throw error;
    const info = describeAwsError(error);
    return { computedAt, error: { message: `${info.message} (${info.code})` } };
  }
}
