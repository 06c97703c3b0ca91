import { awsError } from "../../core/aws-error";
import type { AuthScheme, MskCluster, MskClusterOperation, MskVpcConnection } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { requireOwner } from "./kafka-access";

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export function recordOperation(cluster: MskCluster, operation: MskClusterOperation): void {
  cluster.operations = { ...cluster.operations, [operation.arn]: operation };
}

const SCHEME_OF: Record<MskVpcConnection["authentication"], AuthScheme> = { SASL_IAM: "iam", SASL_SCRAM: "scram", TLS: "tls" };

/**
 * Ends the cluster's pending connectivity update: applied (UPDATE_COMPLETE), or, for an injected failure,
 * not applied and UPDATE_FAILED with MSK's ErrorInfo. The cluster is ACTIVE again either way. A scheme turned
 * off takes its client VPC connections with it: they become INACTIVE, and their owners can only delete them
 * (MSK developer guide, "mvpc-cross-account-update-authschemes").
 */
export function finishConnectivityUpdate(cluster: MskCluster, connections: MskVpcConnection[]): void {
  const pending = cluster.pendingUpdate;
  if (!pending) return;
  const operation = cluster.operations?.[pending.operationArn];
  if (pending.failure) {
    if (operation) Object.assign(operation, { state: "UPDATE_FAILED", endedAt: pending.dueAt, errorInfo: pending.failure });
  } else {
    for (const v of connections) {
      const live = v.state === "AVAILABLE" || v.state === "CREATING";
      if (v.clusterArn === cluster.arn && live && !pending.vpcConnectivity[SCHEME_OF[v.authentication]]) {
        v.state = "INACTIVE";
        v.dueAt = undefined;
      }
    }
    cluster.vpcConnectivity = pending.vpcConnectivity;
    if (operation) Object.assign(operation, { state: "UPDATE_COMPLETE", endedAt: pending.dueAt });
  }
  cluster.pendingUpdate = undefined;
  cluster.state = "ACTIVE";
}

/**
 * DescribeClusterOperationV2 (MSK API reference, "operations-clusteroperationarn"): the operation's state,
 * and ErrorInfo when it failed. Only the cluster's owner may read it.
 */
export function describeClusterOperationV2(ctx: RequestContext, arn: string) {
  for (const cluster of Object.values(ctx.world.state.clusters)) {
    const op = cluster.operations?.[arn];
    if (!op || cluster.region !== ctx.region) continue;
    requireOwner(ctx, cluster, "kafka:DescribeClusterOperationV2");
    return {
      clusterOperationInfo: {
        clusterArn: op.clusterArn,
        clusterType: "PROVISIONED",
        operationArn: op.arn,
        operationType: op.operationType,
        operationState: op.state,
        startTime: iso(op.startedAt),
        endTime: iso(op.endedAt),
        errorInfo: op.errorInfo,
        provisioned: {},
      },
    };
  }
  throw awsError("NotFoundException", `The cluster operation ${arn} does not exist.`, 404);
}
