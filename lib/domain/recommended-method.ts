import type { ConnectionPlan } from "./plan/plan-types";
import { multiVpcFits } from "./plan/multi-vpc-fits";
import type { ClientLocation } from "./request-input";

export type RecommendedMethod = "multi-vpc-private-connectivity";

/**
 * The method the portal recommends instead of the one planned, or null: today the one case is a peering
 * across overlapping CIDRs, where multi-VPC private connectivity is the way out when it can reach the client.
 * The request page offers it as one click ("file again with it") and the new-request form takes it.
 */
export function recommendedMethod(
  plan: ConnectionPlan,
  request: { client: ClientLocation; authModes: readonly string[]; preferredMethod?: string | null },
  clusterRegion: string,
): RecommendedMethod | null {
  if (request.preferredMethod || request.client.type !== "aws-vpc" || plan.method !== "vpc-peering") return null;
  const overlaps = plan.preflight.some((f) => f.severity === "block" && f.code === "cidr-overlap");
  return overlaps && multiVpcFits(request.client.region, clusterRegion, request.authModes) ? "multi-vpc-private-connectivity" : null;
}
