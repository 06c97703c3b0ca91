import { DescribeClusterOperationV2Command, type KafkaClient } from "@aws-sdk/client-kafka";
import type { CallLog } from "./call-log";
import { StepConflictError } from "./errors";

export type OperationOutcome = { state: "running" } | { state: "complete" } | { state: "failed"; message: string };

/**
 * How a cluster operation ended, from DescribeClusterOperationV2 (OperationState PENDING, UPDATE_IN_PROGRESS,
 * UPDATE_COMPLETE or UPDATE_FAILED; ErrorInfo when it failed).
 */
export async function readOperation(kafka: KafkaClient, log: CallLog, operationArn: string): Promise<OperationOutcome> {
  const out = await log.run(kafka.send(new DescribeClusterOperationV2Command({ ClusterOperationArn: operationArn })));
  const op = out.ClusterOperationInfo;
  const state = op?.OperationState ?? "";
  if (/FAILED$/.test(state)) {
    const info = op?.ErrorInfo;
    const reason = [info?.ErrorString, info?.ErrorCode ? `(${info.ErrorCode})` : ""].filter(Boolean).join(" ");
    return { state: "failed", message: reason || `the operation ended ${state} without an error description` };
  }
  return state === "UPDATE_COMPLETE" ? { state: "complete" } : { state: "running" };
}

/**
 * Not retryable: another UpdateConnectivity is another rolling restart of every broker (30 minutes or more),
 * likely to fail the same way. A person fixes the cause and retries the request.
 */
export function operationFailed(clusterName: string, operationArn: string, message: string): StepConflictError {
  return new StepConflictError(
    "MskOperationFailed",
    `MSK could not update the connectivity of ${clusterName}: ${message} [operation ${operationArn}]. The portal does not start another rolling update by itself; fix the cause, then retry the request`,
  );
}
