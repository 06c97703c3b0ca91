import { DescribeConfigurationRevisionCommand, type Cluster, type KafkaClient } from "@aws-sdk/client-kafka";

const PROPERTY = "allow.everyone.if.no.acl.found";

/**
 * The property's value in server.properties text (Java properties: `key=value` or `key: value`, `#`/`!`
 * comments, the last one wins), or null when it is not set.
 */
export function propertyOf(serverProperties: string, key: string): string | null {
  let value: string | null = null;
  for (const raw of serverProperties.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m?.[1] === key) value = (m[2] ?? "").trim();
  }
  return value;
}

/**
 * Whether the cluster lets every principal reach a resource that has no ACL. A cluster without a custom
 * configuration runs MSK's default one, which sets it to true (MSK developer guide, msk-default-configuration);
 * a custom configuration that leaves it out gets MSK's default too.
 */
export async function readAllowEveryoneIfNoAclFound(kafka: KafkaClient, cluster: Cluster): Promise<boolean> {
  const software = cluster.Provisioned?.CurrentBrokerSoftwareInfo;
  if (!software?.ConfigurationArn || software.ConfigurationRevision === undefined) return true;
  const out = await kafka.send(
    new DescribeConfigurationRevisionCommand({ Arn: software.ConfigurationArn, Revision: software.ConfigurationRevision }),
  );
  const text = Buffer.from(out.ServerProperties ?? new Uint8Array()).toString("utf8");
  return propertyOf(text, PROPERTY)?.toLowerCase() !== "false";
}
