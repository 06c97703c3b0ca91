import { awsError } from "../../core/aws-error";
import type { AuthScheme, MskCluster } from "../../state/types";

function versionAtLeast(version: string, min: [number, number, number]): boolean {
  const parts = version.split(".").map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < 3; i++) {
    const a = parts[i] ?? 0;
    const b = min[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/**
 * What UpdateConnectivity refuses before starting an operation (MSK developer guide, "mvpc-requirements"):
 * a scheme the cluster does not authenticate with, Kafka before 2.7.1, kafka.t3.small brokers, and any scheme
 * while unauthenticated access is on ("unauthenticated clusters can't use multi-VPC private connectivity").
 * Turning every scheme off is always allowed.
 */
export function checkConnectivityAllowed(cluster: MskCluster, requested: Record<AuthScheme, boolean>): void {
  for (const scheme of ["iam", "scram", "tls"] as const) {
    if (requested[scheme] && !cluster.auth[scheme]) {
      throw awsError(
        "BadRequestException",
        `Multi-VPC connectivity for ${scheme.toUpperCase()} requires ${scheme.toUpperCase()} client authentication to be enabled on the cluster.`,
      );
    }
  }
  if (!Object.values(requested).some(Boolean)) return;
  if (cluster.auth.unauthenticated) {
    throw awsError(
      "BadRequestException",
      "Multi-VPC connectivity is not supported on clusters with unauthenticated access enabled. Turn off unauthenticated access and try again.",
    );
  }
  if (!versionAtLeast(cluster.kafkaVersion, [2, 7, 1])) {
    throw awsError("BadRequestException", "Multi-VPC connectivity requires Apache Kafka 2.7.1 or later.");
  }
  if (cluster.instanceType === "kafka.t3.small") {
    throw awsError("BadRequestException", "Multi-VPC connectivity is not supported on kafka.t3.small brokers.");
  }
}
