import type { AuthMode } from "../request-input";
import type { BootstrapBrokers, MultiVpcAuthMode } from "./facts";
import type { ClientSettings, ConnectionMethod } from "./plan-types";

export const PRIVATE_BOOTSTRAP_FIELD: Record<AuthMode, keyof BootstrapBrokers> = {
  plaintext: "BootstrapBrokerString",
  tls: "BootstrapBrokerStringTls",
  scram: "BootstrapBrokerStringSaslScram",
  iam: "BootstrapBrokerStringSaslIam",
};

/** The order in which the headline bootstrap string is picked when several modes are asked for. */
export const AUTH_PREFERENCE: readonly AuthMode[] = ["iam", "scram", "tls", "plaintext"];

const JAVA: Record<AuthMode, Record<string, string>> = {
  iam: {
    "security.protocol": "SASL_SSL",
    "sasl.mechanism": "AWS_MSK_IAM",
    "sasl.jaas.config": "software.amazon.msk.auth.iam.IAMLoginModule required;",
    "sasl.client.callback.handler.class": "software.amazon.msk.auth.iam.IAMClientCallbackHandler",
  },
  scram: {
    "security.protocol": "SASL_SSL",
    "sasl.mechanism": "SCRAM-SHA-512",
    "sasl.jaas.config":
      'org.apache.kafka.common.security.scram.ScramLoginModule required username="${USERNAME}" password="${PASSWORD}";',
  },
  tls: {
    "security.protocol": "SSL",
    "ssl.keystore.location": "${KEYSTORE_PATH}",
    "ssl.keystore.password": "${KEYSTORE_PASSWORD}",
    "ssl.key.password": "${KEY_PASSWORD}",
  },
  plaintext: { "security.protocol": "PLAINTEXT" },
};

const LIBRDKAFKA: Record<AuthMode, Record<string, string>> = {
  // librdkafka has no AWS_MSK_IAM mechanism: it uses OAUTHBEARER with a token from the MSK IAM signer library.
  iam: { "security.protocol": "SASL_SSL", "sasl.mechanisms": "OAUTHBEARER" },
  scram: {
    "security.protocol": "SASL_SSL",
    "sasl.mechanisms": "SCRAM-SHA-512",
    "sasl.username": "${USERNAME}",
    "sasl.password": "${PASSWORD}",
  },
  tls: {
    "security.protocol": "SSL",
    "ssl.certificate.location": "${CLIENT_CERT_PEM}",
    "ssl.key.location": "${CLIENT_KEY_PEM}",
    "ssl.key.password": "${KEY_PASSWORD}",
  },
  plaintext: { "security.protocol": "PLAINTEXT" },
};

const NOTES: Record<AuthMode, string[]> = {
  iam: [
    "Java: add software.amazon.msk:aws-msk-iam-auth to the classpath; the role needs the IAM policy of this plan",
    "librdkafka: set an OAUTHBEARER token refresh callback using aws-msk-iam-sasl-signer for your language",
  ],
  scram: ["Credentials come from the Secrets Manager secret (name starts with AmazonMSK_) associated with the cluster"],
  tls: ["The client certificate must be issued by the AWS Private CA the cluster trusts"],
  plaintext: ["Traffic is neither authenticated nor encrypted; use it only where the data allows"],
};

export function clientSettingsFor(
  authModes: readonly AuthMode[],
  bootstrapFor: (mode: AuthMode) => string | null,
): ClientSettings {
  const settings: ClientSettings = {};
  for (const mode of authModes) {
    const bootstrap = bootstrapFor(mode);
    const servers = bootstrap ?? "${BOOTSTRAP_SERVERS}";
    settings[mode] = {
      bootstrap,
      java: { "bootstrap.servers": servers, ...JAVA[mode] },
      librdkafka: { "bootstrap.servers": servers, ...LIBRDKAFKA[mode] },
      notes: NOTES[mode],
    };
  }
  return settings;
}

/** The bootstrap strings of multi-VPC connectivity, one per scheme; there is none for plaintext. */
export const MULTI_VPC_BOOTSTRAP_FIELD: Record<MultiVpcAuthMode, keyof BootstrapBrokers> = {
  iam: "BootstrapBrokerStringVpcConnectivitySaslIam",
  scram: "BootstrapBrokerStringVpcConnectivitySaslScram",
  tls: "BootstrapBrokerStringVpcConnectivityTls",
};

/**
 * What the client is told, from the cluster's bootstrap strings: the headline string (by AUTH_PREFERENCE,
 * whatever order the modes were asked in) and the settings per mode. The plan and the Active request both
 * use this, so the request is shown what it was promised.
 */
export function clientConnection(
  brokers: BootstrapBrokers,
  authModes: readonly AuthMode[],
  method: ConnectionMethod,
): { bootstrap: string | null; clientSettings: ClientSettings } {
  const bootstrapFor = (mode: AuthMode): string | null => {
    const field = method === "multi-vpc-private-connectivity" ? (mode === "plaintext" ? null : MULTI_VPC_BOOTSTRAP_FIELD[mode]) : PRIVATE_BOOTSTRAP_FIELD[mode];
    return field ? (brokers[field] ?? null) : null;
  };
  const headline = AUTH_PREFERENCE.find((m) => authModes.includes(m));
  return { bootstrap: headline ? bootstrapFor(headline) : null, clientSettings: clientSettingsFor(authModes, bootstrapFor) };
}
