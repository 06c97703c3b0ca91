import { clientRouteTableIds, clusterRouteTableIds, type PlanContext } from "./context";
import type { ClientFacts } from "./facts";
import { planRoutes, type RoutePlanArgs } from "./route-steps";

/**
 * A path needs routes in both directions: the cluster's CIDRs in every route table serving the client's
 * subnets, and the client's CIDRs in every route table serving the broker subnets.
 */
export function planRoutesBothWays(ctx: PlanContext, client: ClientFacts, target: RoutePlanArgs["target"], dependsOn: string[]): void {
  const { cluster } = ctx;
  const common = { target, dependsOn, quotas: ctx.quotas, platform: ctx.platform };
  planRoutes(ctx.draft, {
    side: "client",
    account: client.accountId,
    region: client.region,
    routeTables: client.routeTables,
    routeTableIds: clientRouteTableIds(client),
    destinations: cluster.cidrs,
    ...common,
  });
  planRoutes(ctx.draft, {
    side: "cluster",
    account: cluster.accountId,
    region: cluster.region,
    routeTables: cluster.routeTables,
    routeTableIds: clusterRouteTableIds(ctx),
    destinations: client.cidrs,
    ...common,
  });
}
