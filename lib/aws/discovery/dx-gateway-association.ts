import {
  DescribeDirectConnectGatewayAssociationsCommand,
  type DirectConnectGatewayAssociation,
} from "@aws-sdk/client-direct-connect";
import type { TransitHub } from "@/lib/domain/plan/facts";
import type { AwsAccess } from "../aws-access";
import { collectPages } from "../collect-pages";

type DxAssociation = NonNullable<TransitHub["dxGatewayAssociation"]>;

const STATES: readonly DxAssociation["state"][] = ["associated", "updating", "associating", "disassociating", "disassociated"];

// DescribeDirectConnectGatewayAssociations returns at most 100 per page whatever maxResults says.
const DX_PAGE_MAX = 100;

/**
 * The DX gateway <-> TGW association, read with Direct Connect in the DX gateway owner's account (the
 * association belongs to the gateway, which may be another account's than the TGW). Its allowed prefixes
 * are what AWS advertises to on-premises; the reverse direction is in the TGW's route tables.
 * With several DX gateways on the TGW, the one furthest along (associated first) is the one checked.
 */
export async function discoverDxGatewayAssociation(
  access: AwsAccess,
  args: { ownerAccountId: string; region: string; transitGatewayId: string },
): Promise<TransitHub["dxGatewayAssociation"]> {
  const dx = access.directConnect(args.ownerAccountId, args.region);
  const found = await collectPages(
    (nextToken) =>
      dx.send(
        new DescribeDirectConnectGatewayAssociationsCommand({
          associatedGatewayId: args.transitGatewayId,
          maxResults: Math.min(access.pageSize, DX_PAGE_MAX),
          nextToken,
        }),
      ),
    (p): DirectConnectGatewayAssociation[] | undefined => p.directConnectGatewayAssociations,
    (p) => p.nextToken,
  );
  const ranked = found
    .filter((a) => a.associatedGateway?.id === args.transitGatewayId && a.directConnectGatewayId && a.associationId)
    .map((a) => ({ a, rank: STATES.findIndex((state) => state === a.associationState) }))
    .filter((x) => x.rank >= 0)
    .sort((x, y) => x.rank - y.rank);
  const best = ranked[0];
  if (!best) return null;
  const prefixes = (best.a.allowedPrefixesToDirectConnectGateway ?? []).map((p) => p.cidr).filter((c): c is string => Boolean(c));
  return {
    dxGatewayId: best.a.directConnectGatewayId ?? "",
    associationId: best.a.associationId ?? "",
    state: STATES[best.rank] ?? "disassociated",
    allowedPrefixes: [...new Set(prefixes)].sort(),
  };
}
