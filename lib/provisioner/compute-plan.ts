import {
  describeAwsError,
  discoverClientFacts,
  discoverClusterFacts,
  discoverTransitHub,
  isDiscoveryFieldError,
  type AwsAccess,
} from "@/lib/aws";
import { checkPlanPermissions, type KitAccountKind } from "@/lib/aws/iam";
import type { TransitHub, UnavailableHub } from "@/lib/domain/plan/facts";
import { planConnection } from "@/lib/domain/plan/plan-connection";
import type { StoredPlan } from "@/lib/domain/plan/stored-plan";
import type { AuthMode, ClientLocation, TopicAccessInput } from "@/lib/domain/request-input";

import type { PortalPlatformSettings } from "./platform-settings";

const NO_HUBS: { hubs: TransitHub[]; unavailableHubs: UnavailableHub[] } = { hubs: [], unavailableHubs: [] };

/**
 * The hubs of the cluster's Region, read from AWS. One that cannot be read is set aside with the reason, so
 * that it blocks only a plan that needs it (the planner decides that), never a same-VPC or peering plan.
 */
async function discoverHubs(access: AwsAccess, platform: PortalPlatformSettings, region: string) {
  const found = await Promise.all(
    platform.transitHubs
      .filter((h) => h.region === region)
      .map(async (setting) => {
        try {
          const owner = platform.dxGatewayOwnerAccountId ? { dxGatewayOwnerAccountId: platform.dxGatewayOwnerAccountId } : {};
          return { hub: await discoverTransitHub(access, { ...setting, ...owner }) };
        } catch (error) {
          const info = describeAwsError(error);
          const { accountId, transitGatewayId } = setting;
          return { unavailable: { accountId, region, transitGatewayId, reason: `${info.message} (${info.code})` } };
        }
      }),
  );
  return {
    hubs: found.flatMap((f) => (f.hub ? [f.hub] : [])),
    unavailableHubs: found.flatMap((f) => (f.unavailable ? [f.unavailable] : [])),
  };
}

export type PlanSubject = {
  requestId: string;
  clusterArn: string;
  client: ClientLocation;
  authModes: AuthMode[];
  preferredMethod?: "multi-vpc-private-connectivity";
  /** The topics and groups the client's IAM policy is narrowed to; unset: every topic. */
  topicAccess?: TopicAccessInput;
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
    const { hubs, unavailableHubs } = needsHub ? await discoverHubs(access, platform, cluster.region) : NO_HUBS;
    const plan = planConnection({
      request: {
        id: subject.requestId,
        client: subject.client,
        authModes: subject.authModes,
        ...(subject.preferredMethod ? { preferredMethod: subject.preferredMethod } : {}),
        ...(subject.topicAccess ? { topicAccess: subject.topicAccess } : {}),
      },
      cluster,
      client,
      platform: { ...platform, transitHubs: hubs, unavailableHubs },
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
