import { isAwsRegion } from "./aws-regions";

export type ClusterArnParts = {
  partition: string;
  region: string;
  accountId: string;
  name: string;
  uuid: string;
};

// MSK appends a revision suffix to the UUID (…-2a4b-…-1), so the last part is a UUID plus optional "-N".
const CLUSTER_ARN_PATTERN =
  /^arn:(aws|aws-cn|aws-us-gov):kafka:([a-z0-9-]+):(\d{12}):cluster\/([A-Za-z0-9][A-Za-z0-9-]{0,63})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:-\d+)?)$/;

export function parseClusterArn(arn: string): ClusterArnParts | null {
  const m = CLUSTER_ARN_PATTERN.exec(arn.trim());
  if (!m) return null;
  const [, partition, region, accountId, name, uuid] = m;
  if (!partition || !region || !accountId || !name || !uuid || !isAwsRegion(region)) return null;
  return { partition, region, accountId, name, uuid };
}
