import { cidrContains } from "../cidr";
import type { PlatformSettings, Quotas, RouteFacts, RouteTableFacts } from "./facts";
import { addReuse, addFinding, addStep, describeId, type PlanDraft } from "./draft";
import type { StepRef } from "./plan-types";
import { checkQuota } from "./quotas";
import { AWS_RULES } from "./rules";

export type RouteTarget = { kind: "peering"; id: string | StepRef } | { kind: "tgw"; id: string };

export type RoutePlanArgs = {
  side: "client" | "cluster";
  account: string;
  region: string;
  routeTables: readonly RouteTableFacts[];
  routeTableIds: readonly string[];
  destinations: readonly string[];
  target: RouteTarget;
  dependsOn: string[];
  quotas: Quotas;
  platform: PlatformSettings;
};

/**
 * One route per (table, destination). Reuses a route that already goes to the same target; blocks on a route
 * to the same destination that goes elsewhere, because replacing it would cut whatever uses it today.
 */
export function planRoutes(draft: PlanDraft, args: RoutePlanArgs): string[] {
  const keys: string[] = [];
  const targetLabel = describeId(args.target.id, args.target.kind === "peering" ? "the new peering" : "the TGW");
  for (const routeTableId of unique(args.routeTableIds)) {
    const table = args.routeTables.find((t) => t.routeTableId === routeTableId) ?? { routeTableId, routes: [] };
    let adding = 0;
    for (const destination of args.destinations) {
      const existing = table.routes.find((r) => r.destinationCidr === destination);
      if (existing) {
        const sameTarget = typeof args.target.id === "string" && existing.target === args.target.id;
        if (sameTarget && existing.state !== "blackhole") {
          addReuse(draft, `${routeTableId}|${destination}`, args);
          continue;
        }
        // A local route for the destination is the overlap itself, already reported once as cidr-overlap.
        if (existing.target === "local" && draft.preflight.some((f) => f.code === "cidr-overlap")) continue;
        addFinding(draft, {
          severity: "block",
          code: "route-conflict",
          message: `${routeTableId} (${args.side}) already routes ${destination} to ${existing.target}${existing.state === "blackhole" ? " (blackhole)" : ""}, not to ${targetLabel}`,
          remedy: `Remove or change that route after checking nothing depends on it, or ask the platform team; the portal never replaces a route it did not create`,
          rule: AWS_RULES.routeOwnership,
        });
        continue;
      }
      const narrower = table.routes.filter(
        (r) => r.target !== "local" && r.destinationCidr !== destination && safeContains(destination, r.destinationCidr),
      );
      for (const r of narrower) {
        addFinding(draft, {
          severity: "warn",
          code: "route-more-specific-elsewhere",
          message: `${routeTableId} (${args.side}) sends ${r.destinationCidr}, inside ${destination}, to ${r.target}; that part of the range will not use ${targetLabel}`,
          remedy: "Check that those addresses are not Kafka brokers or clients of this request",
        });
      }
      const key = `create-route:${routeTableId}:${destination}`;
      const targetInput =
        args.target.kind === "peering" ? { VpcPeeringConnectionId: args.target.id } : { TransitGatewayId: args.target.id };
      addStep(draft, {
        key,
        kind: "create-route",
        account: args.account,
        region: args.region,
        command: "CreateRouteCommand",
        input: { RouteTableId: routeTableId, DestinationCidrBlock: destination, ...targetInput },
        dependsOn: args.dependsOn,
        creates: { type: "route", ref: `${routeTableId}:${destination}` },
        undo: { command: "DeleteRouteCommand", input: { RouteTableId: routeTableId, DestinationCidrBlock: destination } },
        summary: `add route ${destination} -> ${targetLabel} in ${routeTableId} (${args.side}, ${args.region})`,
      });
      keys.push(key);
      adding += 1;
    }
    checkQuota(draft, {
      code: "quota-routes-per-table",
      what: `Routes in ${routeTableId} (${args.side})`,
      used: table.routes.filter(countsTowardRouteQuota).length,
      adding,
      limit: args.quotas.routesPerRouteTable,
      rule: AWS_RULES.quotaRoutes,
      remedy: "Summarise routes (a wider CIDR or a managed prefix list) or ask AWS for a higher quota",
    });
  }
  return keys;
}

/**
 * What AWS counts against routes per route table: routes added to it (CreateRoute), IPv4 ones here since the
 * portal adds only IPv4 and the quota is enforced per family. Not the local route, not propagated ones.
 */
function countsTowardRouteQuota(route: RouteFacts): boolean {
  return !route.propagated && route.target !== "local" && !route.destinationCidr.includes(":");
}

function safeContains(outer: string, inner: string): boolean {
  try {
    return cidrContains(outer, inner);
  } catch {
    return false;
  }
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
