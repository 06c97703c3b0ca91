import { awsError } from "../../core/aws-error";
import type { ReferencedGroup, SecurityGroup } from "../../state/types";
import type { RequestContext } from "../../state/world";

/**
 * Whether a rule may reference another security group. Same VPC: always. Another VPC: only
 * across an active peering in the same region (VPC peering guide, "vpc-peering-security-groups")
 * or when both VPCs are attached to one TGW with security group referencing enabled on the TGW
 * and both attachments. Another account needs the `UserId` of the group's owner.
 */
export function checkGroupReference(
  ctx: RequestContext,
  sg: SecurityGroup,
  groupId: string,
  userId: string | undefined,
): ReferencedGroup {
  const state = ctx.world.state;
  const ref = state.securityGroups[groupId];
  const notFound = (why: string) => awsError("InvalidGroup.NotFound", `The security group '${groupId}' does not exist${why}`);
  if (!ref || ref.region !== ctx.region) throw notFound(ref ? " in this region; reference a CIDR instead" : "");
  if (ref.accountId !== ctx.accountId && userId !== ref.accountId) {
    throw notFound(userId ? ` in account ${userId}` : " in this account; give the owner's UserId");
  }
  if (ref.vpcId === sg.vpcId) return { groupId, userId: ref.accountId };

  const peering = Object.values(state.peerings).find(
    (p) =>
      p.status === "active" &&
      p.requester.region === p.accepter.region &&
      ((p.requester.vpcId === sg.vpcId && p.accepter.vpcId === ref.vpcId) ||
        (p.accepter.vpcId === sg.vpcId && p.requester.vpcId === ref.vpcId)),
  );
  if (peering) {
    return { groupId, userId: ref.accountId, vpcId: ref.vpcId, vpcPeeringConnectionId: peering.id };
  }
  const attachments = Object.values(state.tgwAttachments).filter(
    (a) => a.state === "available" && a.resourceType === "vpc" && a.securityGroupReferencingSupport === "enable",
  );
  const viaTgw = attachments.some((a) => {
    const tgw = state.transitGateways[a.transitGatewayId];
    return (
      a.resourceId === sg.vpcId &&
      tgw?.securityGroupReferencingSupport === "enable" &&
      tgw.region === ctx.region &&
      attachments.some((b) => b.transitGatewayId === a.transitGatewayId && b.resourceId === ref.vpcId)
    );
  });
  if (viaTgw) return { groupId, userId: ref.accountId, vpcId: ref.vpcId };
  throw awsError("InvalidGroup.NotFound", "You have specified two resources that belong to different networks.");
}
