import type { AuthScheme, MskCluster } from "../../state/types";

const iso = (ms: number) => new Date(ms).toISOString();

function vpcConnectivityJson(v: Record<AuthScheme, boolean>) {
  return { clientAuthentication: { sasl: { scram: { enabled: v.scram }, iam: { enabled: v.iam } }, tls: { enabled: v.tls } } };
}

/** The `Cluster` shape of DescribeClusterV2/ListClustersV2, camelCase as on the wire. */
export function clusterJson(c: MskCluster): Record<string, unknown> {
  return {
    clusterArn: c.arn,
    clusterName: c.name,
    clusterType: "PROVISIONED",
    creationTime: iso(c.createdAt),
    currentVersion: c.currentVersion,
    state: c.state,
    activeOperationArn: c.pendingUpdate?.operationArn,
    tags: c.tags,
    provisioned: {
      brokerNodeGroupInfo: {
        brokerAZDistribution: "DEFAULT",
        clientSubnets: c.brokerSubnets,
        instanceType: c.instanceType,
        securityGroups: c.securityGroups,
        storageInfo: { ebsStorageInfo: { volumeSize: 100 } },
        connectivityInfo: {
          publicAccess: { type: "DISABLED" },
          vpcConnectivity: vpcConnectivityJson(c.vpcConnectivity),
        },
        zoneIds: c.zoneIds,
      },
      numberOfBrokerNodes: c.numberOfBrokerNodes,
      currentBrokerSoftwareInfo: {
        kafkaVersion: c.kafkaVersion,
        configurationArn: c.configuration?.arn,
        configurationRevision: c.configuration?.revision,
      },
      clientAuthentication: {
        sasl: { scram: { enabled: c.auth.scram }, iam: { enabled: c.auth.iam } },
        tls: { enabled: c.auth.tls, certificateAuthorityArnList: [] },
        unauthenticated: { enabled: c.auth.unauthenticated },
      },
      encryptionInfo: {
        encryptionAtRest: { dataVolumeKMSKeyId: `arn:aws:kms:${c.region}:${c.accountId}:key/sandbox` },
        encryptionInTransit: { clientBroker: c.clientBroker, inCluster: true },
      },
      enhancedMonitoring: "DEFAULT",
      storageMode: "LOCAL",
    },
  };
}

function brokers(c: MskCluster, port: (i: number) => number): string {
  const name = c.name.replace(/[^a-zA-Z0-9]/g, "").toLowerCase();
  return Array.from(
    { length: c.numberOfBrokerNodes },
    (_, i) => `b-${i + 1}.${name}.${c.dnsToken}.c2.kafka.${c.region}.amazonaws.com:${port(i + 1)}`,
  ).join(",");
}

/**
 * Bootstrap strings per enabled listener (MSK developer guide, "port-info"): 9092 plaintext,
 * 9094 TLS, 9096 SASL/SCRAM, 9098 IAM; multi-VPC private connectivity uses one port per broker
 * from 14001 up. The TLS string is given only when TLS client authentication is on.
 */
export function bootstrapJson(c: MskCluster): Record<string, string | undefined> {
  const plaintextAllowed = c.clientBroker !== "TLS";
  const tlsAllowed = c.clientBroker !== "PLAINTEXT";
  const fixed = (p: number) => () => p;
  const perBroker = (i: number) => 14000 + i;
  return {
    bootstrapBrokerString: plaintextAllowed && c.auth.unauthenticated ? brokers(c, fixed(9092)) : undefined,
    bootstrapBrokerStringTls: tlsAllowed && c.auth.tls ? brokers(c, fixed(9094)) : undefined,
    bootstrapBrokerStringSaslScram: tlsAllowed && c.auth.scram ? brokers(c, fixed(9096)) : undefined,
    bootstrapBrokerStringSaslIam: c.auth.iam ? brokers(c, fixed(9098)) : undefined,
    bootstrapBrokerStringVpcConnectivityTls: c.vpcConnectivity.tls ? brokers(c, perBroker) : undefined,
    bootstrapBrokerStringVpcConnectivitySaslScram: c.vpcConnectivity.scram ? brokers(c, perBroker) : undefined,
    bootstrapBrokerStringVpcConnectivitySaslIam: c.vpcConnectivity.iam ? brokers(c, perBroker) : undefined,
  };
}
