import type { ClientLocation } from "../request-input";
import type { Scenario } from "../scenario";
import type { PlanRequest, PlatformSettings } from "./facts";
import type { ConnectionMethod } from "./plan-types";

export function chooseMethod(
  scenario: Scenario,
  request: PlanRequest,
  platform: PlatformSettings,
  clusterRegion: string,
): ConnectionMethod {
  if (scenario === "saas") return "multi-vpc-private-connectivity";
  if (scenario === "on-prem") return "transit-gateway";
  if (request.preferredMethod === "multi-vpc-private-connectivity") return "multi-vpc-private-connectivity";
  if (scenario === "same-vpc") return "security-group-only";
  // The hub is one Region's TGW; across Regions peering is the link this portal builds.
  if (scenario === "cross-account" && platform.crossAccountVpcVia === "transit-gateway" && regionOf(request.client) === clusterRegion) {
    return "transit-gateway";
  }
  return "vpc-peering";
}

function regionOf(client: ClientLocation): string | null {
  return client.type === "aws-vpc" ? client.region : null;
}
