import { z } from "zod";
import { awsError } from "../../core/aws-error";
import { AWS_DELAYS, dueAfter } from "../../core/clock";
import { newUuid, newVersion } from "../../core/ids";
import { paginate } from "../../core/pagination";
import { parseJsonBody } from "../../protocols/json-input";
import type { AuthScheme } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { authorizeCluster, findCluster, requireOwner } from "./kafka-access";
import { checkConnectivityAllowed } from "./kafka-connectivity-rules";
import { recordOperation } from "./kafka-operations";
import { bootstrapJson, clusterJson } from "./kafka-render";

export function listClustersV2(ctx: RequestContext, query: URLSearchParams) {
  const prefix = query.get("clusterNameFilter") ?? "";
  const type = query.get("clusterTypeFilter");
  const clusters = Object.values(ctx.world.state.clusters)
    .filter((c) => c.accountId === ctx.accountId && c.region === ctx.region)
    .filter((c) => c.name.startsWith(prefix) && (!type || type === "PROVISIONED"))
    .sort((a, b) => a.name.localeCompare(b.name));
  const max = query.get("maxResults");
  const { page, nextToken } = paginate(
    clusters,
    max ? Number(max) : undefined,
    query.get("nextToken") ?? undefined,
    "BadRequestException",
  );
  return { clusterInfoList: page.map(clusterJson), nextToken };
}

export function describeClusterV2(ctx: RequestContext, arn: string) {
  const cluster = findCluster(ctx, arn);
  authorizeCluster(ctx, cluster, "kafka:DescribeClusterV2");
  return { clusterInfo: clusterJson(cluster) };
}

export function getBootstrapBrokers(ctx: RequestContext, arn: string) {
  const cluster = findCluster(ctx, arn);
  authorizeCluster(ctx, cluster, "kafka:GetBootstrapBrokers");
  return bootstrapJson(cluster);
}

const enabled = z.object({ enabled: z.boolean().optional() }).optional();
const updateConnectivityInput = z.object({
  currentVersion: z.string().min(1),
  connectivityInfo: z.object({
    publicAccess: z.object({ type: z.string() }).optional(),
    vpcConnectivity: z
      .object({
        clientAuthentication: z
          .object({ sasl: z.object({ scram: enabled, iam: enabled }).optional(), tls: enabled })
          .optional(),
      })
      .optional(),
  }),
});

/**
 * Turns multi-VPC private connectivity on or off per auth scheme. The cluster is UPDATING for a
 * scaled delay and the change applies when it is ACTIVE again (MSK API reference,
 * UpdateConnectivity; developer guide "mvpc-requirements").
 */
export function updateConnectivity(ctx: RequestContext, arn: string, body: string) {
  const input = parseJsonBody(updateConnectivityInput, body, "BadRequestException");
  const cluster = findCluster(ctx, arn);
  requireOwner(ctx, cluster, "kafka:UpdateConnectivity");
  if (cluster.state !== "ACTIVE") {
    throw awsError("BadRequestException", `The cluster is in ${cluster.state} state. Retry when it is ACTIVE.`);
  }
  if (input.currentVersion !== cluster.currentVersion) {
    throw awsError(
      "BadRequestException",
      `The provided current version ${input.currentVersion} does not match the cluster's current version ${cluster.currentVersion}.`,
    );
  }
  if (input.connectivityInfo.publicAccess && input.connectivityInfo.publicAccess.type !== "DISABLED") {
    throw awsError("BadRequestException", "The sandbox does not model public access; only DISABLED is accepted.");
  }
  const auth = input.connectivityInfo.vpcConnectivity?.clientAuthentication;
  const requested: Record<AuthScheme, boolean> = {
    iam: auth?.sasl?.iam?.enabled ?? false,
    scram: auth?.sasl?.scram?.enabled ?? false,
    tls: auth?.tls?.enabled ?? false,
  };
  checkConnectivityAllowed(cluster, requested);
  const operationArn = `arn:aws:kafka:${cluster.region}:${cluster.accountId}:cluster-operation/${cluster.name}/${
    cluster.arn.split("/")[2] ?? ""
  }/${newUuid(ctx.world.state.counter)}`;
  cluster.state = "UPDATING";
  cluster.currentVersion = newVersion(ctx.world.state.counter);
  cluster.pendingUpdate = {
    dueAt: dueAfter(ctx.world.clock, AWS_DELAYS.mskConnectivityUpdate),
    vpcConnectivity: requested,
    operationArn,
    failure: cluster.failNextUpdate,
  };
  cluster.failNextUpdate = undefined;
  recordOperation(cluster, {
    arn: operationArn,
    clusterArn: cluster.arn,
    operationType: "UPDATE_CONNECTIVITY",
    state: "UPDATE_IN_PROGRESS",
    startedAt: ctx.world.clock.now(),
  });
  return { clusterArn: cluster.arn, clusterOperationArn: operationArn };
}
