import {
  DescribeTransitGatewayAttachmentsCommand,
  SearchTransitGatewayRoutesCommand,
  type EC2Client,
  type TransitGatewayAttachment,
} from "@aws-sdk/client-ec2";
import type { TransitHub } from "@/lib/domain/plan/facts";
import { collectPages } from "../collect-pages";
import { filter } from "./ec2-describe";

type DxAssociation = NonNullable<TransitHub["dxGatewayAssociation"]>;

const STATE_OF_ATTACHMENT: Record<string, DxAssociation["state"]> = {
  initiating: "associating",
  initiatingRequest: "associating",
  pendingAcceptance: "associating",
  pending: "associating",
  available: "associated",
  modifying: "updating",
  deleting: "disassociating",
  deleted: "disassociated",
  failing: "disassociated",
  failed: "disassociated",
  rejected: "disassociated",
};

const RANK: Record<DxAssociation["state"], number> = { associated: 0, updating: 1, associating: 2, disassociating: 3, disassociated: 4 };

// SearchTransitGatewayRoutes is not paged; 1000 is its maximum.
const SEARCH_MAX = 1000;

/**
 * The Direct Connect gateway attached to the TGW, seen through EC2 (the DX gateway's attachment).
 * `allowedPrefixes` are the prefixes the attachment propagates into the TGW's route tables: EC2
 * cannot read the association's allowed-prefixes list itself, which needs Direct Connect's
 * DescribeDirectConnectGatewayAssociations.
 */
export async function discoverDxGatewayAssociation(
  ec2: EC2Client,
  transitGatewayId: string,
  routeTableIds: readonly string[],
  pageSize: number,
): Promise<TransitHub["dxGatewayAssociation"]> {
  const attachments = await collectPages(
    (NextToken) =>
      ec2.send(
        new DescribeTransitGatewayAttachmentsCommand({
          Filters: [filter("transit-gateway-id", [transitGatewayId]), filter("resource-type", ["direct-connect-gateway"])],
          MaxResults: pageSize,
          NextToken,
        }),
      ),
    (p): TransitGatewayAttachment[] | undefined => p.TransitGatewayAttachments,
    (p) => p.NextToken,
  );
  const ranked = attachments
    .filter((a) => a.TransitGatewayAttachmentId && a.ResourceId)
    .map((a) => ({ a, state: STATE_OF_ATTACHMENT[a.State ?? ""] ?? "disassociated" }))
    .sort((x, y) => RANK[x.state] - RANK[y.state]);
  const best = ranked[0];
  if (!best) return null;

  const attachmentId = best.a.TransitGatewayAttachmentId ?? "";
  const routes = await Promise.all(
    routeTableIds.map((TransitGatewayRouteTableId) =>
      ec2
        .send(
          new SearchTransitGatewayRoutesCommand({
            TransitGatewayRouteTableId,
            Filters: [filter("type", ["propagated"]), filter("attachment.transit-gateway-attachment-id", [attachmentId])],
            MaxResults: SEARCH_MAX,
          }),
        )
        .then((out) => out.Routes ?? []),
    ),
  );
  const prefixes = routes.flat().map((r) => r.DestinationCidrBlock).filter((c): c is string => Boolean(c));
  return { dxGatewayId: best.a.ResourceId ?? "", state: best.state, allowedPrefixes: [...new Set(prefixes)].sort() };
}
