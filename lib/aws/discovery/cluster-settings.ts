import type { Cluster, GetBootstrapBrokersResponse } from "@aws-sdk/client-kafka";
import type { BootstrapBrokers, ClusterFacts, MultiVpcAuthMode } from "@/lib/domain/plan/facts";
import type { AuthMode } from "@/lib/domain/request-input";

type EncryptionInTransit = ClusterFacts["encryptionInTransit"];

export function encryptionInTransitOf(cluster: Cluster): EncryptionInTransit {
  const v = cluster.Provisioned?.EncryptionInfo?.EncryptionInTransit?.ClientBroker;
  // MSK's default when the setting is absent is TLS only.
  return v === "TLS_PLAINTEXT" || v === "PLAINTEXT" ? v : "TLS";
}

/**
 * The client auth modes the cluster accepts. "plaintext" needs both unauthenticated access and a
 * plaintext listener; unauthenticated over TLS has no AuthMode, so it is not offered.
 */
export function authModesOf(cluster: Cluster): AuthMode[] {
  const auth = cluster.Provisioned?.ClientAuthentication;
  const modes: AuthMode[] = [];
  if (auth?.Sasl?.Iam?.Enabled) modes.push("iam");
  if (auth?.Sasl?.Scram?.Enabled) modes.push("scram");
  if (auth?.Tls?.Enabled) modes.push("tls");
  if (unauthenticatedOf(cluster) && encryptionInTransitOf(cluster) !== "TLS") modes.push("plaintext");
  return modes;
}

/** Unauthenticated access, whether or not a plaintext listener carries it (over TLS it has no AuthMode). */
export function unauthenticatedOf(cluster: Cluster): boolean {
  const auth = cluster.Provisioned?.ClientAuthentication;
  // A cluster created without any ClientAuthentication allows unauthenticated access.
  return auth === undefined ? true : auth.Unauthenticated?.Enabled === true;
}

export function multiVpcOf(cluster: Cluster): Record<MultiVpcAuthMode, boolean> {
  const auth = cluster.Provisioned?.BrokerNodeGroupInfo?.ConnectivityInfo?.VpcConnectivity?.ClientAuthentication;
  return {
    iam: auth?.Sasl?.Iam?.Enabled === true,
    scram: auth?.Sasl?.Scram?.Enabled === true,
    tls: auth?.Tls?.Enabled === true,
  };
}

const BOOTSTRAP_FIELDS = [
  "BootstrapBrokerString",
  "BootstrapBrokerStringTls",
  "BootstrapBrokerStringSaslScram",
  "BootstrapBrokerStringSaslIam",
  "BootstrapBrokerStringVpcConnectivityTls",
  "BootstrapBrokerStringVpcConnectivitySaslScram",
  "BootstrapBrokerStringVpcConnectivitySaslIam",
] as const satisfies ReadonlyArray<keyof BootstrapBrokers>;

/** The response's private and multi-VPC strings as they are, without `$metadata` or empty fields. */
export function bootstrapOf(out: GetBootstrapBrokersResponse): BootstrapBrokers {
  const result: BootstrapBrokers = {};
  for (const field of BOOTSTRAP_FIELDS) {
    const value = out[field];
    if (value) result[field] = value;
  }
  return result;
}
