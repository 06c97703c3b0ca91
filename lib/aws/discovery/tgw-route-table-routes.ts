import { SearchTransitGatewayRoutesCommand, type EC2Client, type TransitGatewayRoute } from "@aws-sdk/client-ec2";
import type { TgwRouteFacts, TransitHub } from "@/lib/domain/plan/facts";
import { filter } from "./ec2-describe";

// SearchTransitGatewayRoutes is not paged; 1000 is its maximum, far above a hub table's usual size.
const SEARCH_MAX = 1000;

function factsOf(r: TransitGatewayRoute): TgwRouteFacts | null {
  if (!r.DestinationCidrBlock || (r.State !== "active" && r.State !== "blackhole")) return null;
  return {
    destinationCidr: r.DestinationCidrBlock,
    type: r.Type === "propagated" ? "propagated" : "static",
    state: r.State,
    attachmentId: r.State === "active" ? (r.TransitGatewayAttachments?.[0]?.TransitGatewayAttachmentId ?? null) : null,
  };
}

/** Every usable or blackholed route, static and propagated, of each of the hub's route tables. */
export async function discoverTgwRoutes(ec2: EC2Client, routeTableIds: readonly string[]): Promise<TransitHub["routes"]> {
  const tables = [...new Set(routeTableIds)];
  const found = await Promise.all(
    tables.map(async (TransitGatewayRouteTableId) => {
      const out = await ec2.send(
        new SearchTransitGatewayRoutesCommand({
          TransitGatewayRouteTableId,
          Filters: [filter("state", ["active", "blackhole"])],
          MaxResults: SEARCH_MAX,
        }),
      );
      const routes = (out.Routes ?? []).map(factsOf).filter((r): r is TgwRouteFacts => r !== null);
      return [TransitGatewayRouteTableId, routes] as const;
    }),
  );
  return Object.fromEntries(found);
}
