import { z } from "zod";
import { awsError } from "../../core/aws-error";
import { paginate } from "../../core/pagination";
import { parseJsonBody } from "../../protocols/json-input";
import type { RequestContext } from "../../state/world";
import type { ParsedTopology } from "../../topology/schema";

type Gateway = ParsedTopology["accounts"][number]["directConnectGateways"][number];
type Owned = { gateway: Gateway; ownerAccount: string };

// Direct Connect API reference: "If MaxResults is given a value larger than 100, only 100 results are returned."
const MAX_PAGE = 100;
const CLIENT_ERROR = "DirectConnectClientException";

const page = { maxResults: z.number().int().positive().optional(), nextToken: z.string().optional() };

/**
 * DX gateways are global and, here, pre-existing infrastructure nothing changes: they are read from the
 * topology. A caller sees the gateways its own account owns, in whichever Region it asks.
 */
function ownGateways(ctx: RequestContext): Owned[] {
  const account = ctx.world.topology.accounts.find((a) => a.id === ctx.accountId);
  return (account?.directConnectGateways ?? []).map((gateway) => ({ gateway, ownerAccount: ctx.accountId }));
}

function pageOf<T>(items: T[], maxResults: number | undefined, nextToken: string | undefined) {
  return paginate(items, Math.min(maxResults ?? MAX_PAGE, MAX_PAGE), nextToken, CLIENT_ERROR);
}

function requireGateway(owned: Owned[], id: string | undefined): void {
  if (id !== undefined && !owned.some((o) => o.gateway.id === id)) {
    throw awsError(CLIENT_ERROR, `Direct Connect gateway ${id} does not exist or is not owned by this account`);
  }
}

const describeGatewaysInput = z.object({ directConnectGatewayId: z.string().optional(), ...page });

export function describeDirectConnectGateways(ctx: RequestContext, body: string) {
  const input = parseJsonBody(describeGatewaysInput, body, CLIENT_ERROR);
  const owned = ownGateways(ctx);
  requireGateway(owned, input.directConnectGatewayId);
  const matched = owned.filter((o) => !input.directConnectGatewayId || o.gateway.id === input.directConnectGatewayId);
  const { page: out, nextToken } = pageOf(matched, input.maxResults, input.nextToken);
  return {
    directConnectGateways: out.map(({ gateway, ownerAccount }) => ({
      directConnectGatewayId: gateway.id,
      directConnectGatewayName: gateway.name,
      amazonSideAsn: gateway.amazonSideAsn,
      ownerAccount,
      directConnectGatewayState: "available",
    })),
    nextToken,
  };
}

const describeAssociationsInput = z.object({
  associationId: z.string().optional(),
  associatedGatewayId: z.string().optional(),
  directConnectGatewayId: z.string().optional(),
  virtualGatewayId: z.string().optional(),
  ...page,
});

export function describeDirectConnectGatewayAssociations(ctx: RequestContext, body: string) {
  const input = parseJsonBody(describeAssociationsInput, body, CLIENT_ERROR);
  const owned = ownGateways(ctx);
  requireGateway(owned, input.directConnectGatewayId);
  // virtualGatewayId is the older name of the associated gateway's id (a VGW or a TGW).
  const associated = input.associatedGatewayId ?? input.virtualGatewayId;
  const rows = owned.flatMap(({ gateway, ownerAccount }) =>
    gateway.associations.map((association) => ({ gateway, ownerAccount, association })),
  );
  const matched = rows
    .filter((r) => !input.directConnectGatewayId || r.gateway.id === input.directConnectGatewayId)
    .filter((r) => !input.associationId || r.association.id === input.associationId)
    .filter((r) => !associated || r.association.transitGatewayId === associated);
  const { page: out, nextToken } = pageOf(matched, input.maxResults, input.nextToken);
  return {
    directConnectGatewayAssociations: out.map(({ gateway, ownerAccount, association }) => {
      const tgw = ctx.world.state.transitGateways[association.transitGatewayId];
      return {
        directConnectGatewayId: gateway.id,
        directConnectGatewayOwnerAccount: ownerAccount,
        associationState: association.state,
        associationId: association.id,
        associatedGateway: {
          id: association.transitGatewayId,
          type: "transitGateway",
          ownerAccount: tgw?.accountId,
          region: tgw?.region,
        },
        allowedPrefixesToDirectConnectGateway: association.allowedPrefixes.map((cidr) => ({ cidr })),
      };
    }),
    nextToken,
  };
}

export const DX_OPERATIONS: Record<string, (ctx: RequestContext, body: string) => unknown> = {
  DescribeDirectConnectGateways: describeDirectConnectGateways,
  DescribeDirectConnectGatewayAssociations: describeDirectConnectGatewayAssociations,
};
