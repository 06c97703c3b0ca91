import pg from "pg";

import type { PlanStep } from "@/lib/domain/plan/plan-types";

const text = (value: unknown) => (typeof value === "string" ? value : null);

// What a step creates or changes that another request's step could create or change at the same time. Two
// plans made before either ran may both intend the same peering or route; taking these keys serializes them,
// so the second finds the first's resource and reuses it instead of racing it.
export function resourceKeysOf(steps: PlanStep[]): string[] {
  const keys = new Set<string>();
  for (const step of steps) {
    const input = step.input;
    const key = (() => {
      switch (step.kind) {
        case "create-peering":
        case "accept-peering":
        case "enable-peering-dns": {
          const pair = [text(input.VpcId), text(input.PeerVpcId)].filter((v): v is string => v !== null).sort();
          return pair.length === 2 ? `peering:${pair.join("|")}` : null;
        }
        case "create-route":
          return text(input.RouteTableId) ? `route:${text(input.RouteTableId)}|${text(input.DestinationCidrBlock)}` : null;
        case "authorize-sg-ingress":
          return text(input.GroupId) ? `sg:${text(input.GroupId)}` : null;
        case "attach-vpc-to-tgw":
          return text(input.VpcId) ? `attach:${text(input.VpcId)}` : null;
        case "share-tgw":
        case "accept-share-invitation":
          return `share:${step.account}:${step.region}`;
        case "associate-tgw-route-table":
        case "enable-tgw-propagation":
          return text(input.TransitGatewayRouteTableId) ? `tgw-rtb:${text(input.TransitGatewayRouteTableId)}` : null;
        case "enable-multi-vpc-connectivity":
        case "put-cluster-policy":
        case "create-vpc-connection":
          return text(input.ClusterArn) ? `cluster:${text(input.ClusterArn)}` : null;
        default:
          return null;
      }
    })();
    if (key) keys.add(key);
  }
  return [...keys].sort();
}

// Session advisory locks on a connection of their own, taken in sorted order (so two runs never wait on each
// other in a cycle) and dropped with the connection, also when the worker dies.
export async function withResourceLocks<T>(databaseUrl: string, keys: string[], run: () => Promise<T>): Promise<T> {
  if (keys.length === 0) return run();
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "msk-portal-resource-locks" });
  client.on("error", () => undefined);
  await client.connect();
  try {
    for (const key of keys) await client.query("SELECT pg_advisory_lock(hashtext('msk-portal:resource'), hashtext($1))", [key]);
    return await run();
  } finally {
    await client.end().catch(() => undefined);
  }
}
