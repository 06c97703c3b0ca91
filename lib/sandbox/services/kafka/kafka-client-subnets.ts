import { awsError } from "../../core/aws-error";
import type { MskCluster } from "../../state/types";
import type { RequestContext } from "../../state/world";

/**
 * MSK builds the connection from interface VPC endpoints of the cluster's endpoint service: a subnet per
 * Availability Zone, and only zones (by zone id, which is the same in every account) where the cluster has
 * brokers (MSK developer guide, "mvpc-cross-account-create-connection"; PrivateLink guide, interface
 * endpoints: one subnet per Availability Zone). Fewer zones than the cluster's are accepted, as
 * CreateVpcEndpoint accepts them.
 */
export function checkClientSubnets(ctx: RequestContext, cluster: MskCluster, vpcId: string, subnetIds: string[]): void {
  const byZone = new Map<string, string>();
  for (const id of subnetIds) {
    const subnet = ctx.world.state.subnets[id];
    if (!subnet || subnet.vpcId !== vpcId) {
      throw awsError("BadRequestException", `The subnet ${id} does not belong to ${vpcId}.`);
    }
    const zone = subnet.availabilityZoneId;
    if (!cluster.zoneIds.includes(zone)) {
      throw awsError(
        "BadRequestException",
        `The client subnet ${id} is in Availability Zone ${zone}, where the cluster has no brokers. Specify client subnets in ${cluster.zoneIds.join(", ")}.`,
      );
    }
    const other = byZone.get(zone);
    if (other !== undefined && other !== id) {
      throw awsError(
        "BadRequestException",
        `The client subnets ${other} and ${id} are in the same Availability Zone ${zone}. Specify one client subnet per Availability Zone.`,
      );
    }
    byZone.set(zone, id);
  }
}
