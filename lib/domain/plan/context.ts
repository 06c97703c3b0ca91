import type { ClientFacts, ClusterFacts, PlanInput, PlatformSettings, Quotas, SecurityGroupFacts } from "./facts";
import type { PlanDraft } from "./draft";
import { quotasOf } from "./quotas";

/** What every method planner reads, worked out once. */
export type PlanContext = {
  input: PlanInput;
  requestId: string;
  cluster: ClusterFacts;
  platform: PlatformSettings;
  quotas: Quotas;
  ports: number[];
  draft: PlanDraft;
  clusterSg: SecurityGroupFacts;
};

export function makeContext(input: PlanInput, ports: number[], draft: PlanDraft): PlanContext {
  const clusterSg = input.cluster.securityGroups[0];
  if (!clusterSg) throw new Error(`Cluster ${input.cluster.arn} has no security groups in its facts`);
  return {
    input,
    requestId: input.request.id,
    cluster: input.cluster,
    platform: input.platform,
    quotas: quotasOf(input.platform),
    ports,
    draft,
    clusterSg,
  };
}

export function requireClient(ctx: PlanContext): ClientFacts {
  if (!ctx.input.client) throw new Error("A VPC client needs client facts");
  return ctx.input.client;
}

export function clusterRouteTableIds(ctx: PlanContext): string[] {
  return [...new Set(ctx.cluster.brokerSubnets.map((s) => s.routeTableId))];
}

export function clientRouteTableIds(client: ClientFacts): string[] {
  return [...new Set(client.subnets.map((s) => s.routeTableId))];
}
