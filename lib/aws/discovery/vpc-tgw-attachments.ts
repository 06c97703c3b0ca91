import {
  DescribeTransitGatewayAttachmentsCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  GetTransitGatewayAttachmentPropagationsCommand,
  type TransitGatewayAttachment,
  type TransitGatewayVpcAttachment,
} from "@aws-sdk/client-ec2";
import type { TgwAttachmentFacts, VpcRef } from "@/lib/domain/plan/facts";
import { isNoAccessToAccount } from "../account-access-error";
import type { AwsAccess } from "../aws-access";
import { collectPages } from "../collect-pages";
import { filter } from "./ec2-describe";

type AttachmentState = TgwAttachmentFacts["state"];

// AWS has more states than the planner distinguishes; fold the transient ones into the nearest.
const STATE_MAP: Record<string, AttachmentState> = {
  initiating: "pending",
  initiatingRequest: "pending",
  pendingAcceptance: "pendingAcceptance",
  pending: "pending",
  available: "available",
  modifying: "modifying",
  deleting: "deleting",
  deleted: "deleted",
  failing: "failed",
  failed: "failed",
  rollingBack: "failed",
  rejecting: "rejected",
  rejected: "rejected",
};

export function attachmentState(state: string | undefined): AttachmentState {
  return STATE_MAP[state ?? ""] ?? "failed";
}

/**
 * Route tables the attachment propagates to. Only the TGW owner may ask, so this runs as the
 * owner account; when the portal cannot act there (not a registered account) it reports none,
 * and a planned EnableTransitGatewayRouteTablePropagation meets "already exists" at worst.
 */
async function propagationsOf(access: AwsAccess, ownerAccountId: string, region: string, attachmentId: string): Promise<string[]> {
  try {
    const ec2 = access.ec2(ownerAccountId, region);
    const items = await collectPages(
      (NextToken) =>
        ec2.send(
          new GetTransitGatewayAttachmentPropagationsCommand({
            TransitGatewayAttachmentId: attachmentId,
            MaxResults: access.pageSize,
            NextToken,
          }),
        ),
      (p) => p.TransitGatewayAttachmentPropagations,
      (p) => p.NextToken,
    );
    return items
      .filter((p) => p.State === "enabled" || p.State === "enabling")
      .map((p) => p.TransitGatewayRouteTableId)
      .filter((id): id is string => typeof id === "string");
  } catch (error) {
    // Only an owner account the portal cannot act in reports none; any other failure fails discovery rather
    // than planning from propagations it could not read.
    if (isNoAccessToAccount(error)) return [];
    throw error;
  }
}

/** The VPC's TGW attachments with subnets, AZs, association and propagations. */
export async function discoverVpcTgwAttachments(
  access: AwsAccess,
  vpc: VpcRef,
  // A promise so the attachment listing runs while the VPC's subnets are still being described.
  azIdOfSubnet: Promise<ReadonlyMap<string, string>>,
): Promise<TgwAttachmentFacts[]> {
  const ec2 = access.ec2(vpc.accountId, vpc.region);
  const [vpcAttachments, attachments] = await Promise.all([
    collectPages(
      (NextToken) =>
        ec2.send(
          new DescribeTransitGatewayVpcAttachmentsCommand({
            Filters: [filter("vpc-id", [vpc.vpcId])],
            MaxResults: access.pageSize,
            NextToken,
          }),
        ),
      (p): TransitGatewayVpcAttachment[] | undefined => p.TransitGatewayVpcAttachments,
      (p) => p.NextToken,
    ),
    // The generic listing carries the association and the TGW owner, which the VPC listing lacks.
    collectPages(
      (NextToken) =>
        ec2.send(
          new DescribeTransitGatewayAttachmentsCommand({
            Filters: [filter("resource-id", [vpc.vpcId]), filter("resource-type", ["vpc"])],
            MaxResults: access.pageSize,
            NextToken,
          }),
        ),
      (p): TransitGatewayAttachment[] | undefined => p.TransitGatewayAttachments,
      (p) => p.NextToken,
    ),
  ]);
  const azIds = await azIdOfSubnet;
  const generic = new Map(attachments.map((a) => [a.TransitGatewayAttachmentId ?? "", a]));
  const out = await Promise.all(
    vpcAttachments
      .filter((a) => a.TransitGatewayAttachmentId && a.TransitGatewayId)
      .map(async (a): Promise<TgwAttachmentFacts> => {
        const attachmentId = a.TransitGatewayAttachmentId ?? "";
        const more = generic.get(attachmentId);
        const association = more?.Association;
        const associated = association && association.State !== "disassociated" ? association.TransitGatewayRouteTableId : undefined;
        const subnetIds = a.SubnetIds ?? [];
        const owner = more?.TransitGatewayOwnerId;
        const live = !["deleted", "deleting", "failed", "rejected"].includes(attachmentState(a.State));
        return {
          attachmentId,
          transitGatewayId: a.TransitGatewayId ?? "",
          state: attachmentState(a.State),
          subnetIds,
          azIds: [...new Set(subnetIds.map((s) => azIds.get(s)).filter((z): z is string => z !== undefined))],
          securityGroupReferencingSupport: a.Options?.SecurityGroupReferencingSupport === "enable",
          associatedRouteTableId: associated ?? null,
          propagatedRouteTableIds: owner && live ? await propagationsOf(access, owner, vpc.region, attachmentId) : [],
        };
      }),
  );
  return out.sort((x, y) => x.attachmentId.localeCompare(y.attachmentId));
}
