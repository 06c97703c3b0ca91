import type { AwsAccess } from "../aws-access";
import { parseClusterArn } from "@/lib/domain/cluster-arn";
import { callLog } from "../steps/support/call-log";
import { readPolicy } from "../steps/support/cluster-policy";
import { isNotFound } from "../steps/support/errors";
import { describeCluster, multiVpcOf, SCHEMES, type Scheme } from "../steps/support/msk-cluster";
import type { ReliedOnCheck } from "./relied-on-types";

const isScheme = (s: string): s is Scheme => (SCHEMES as readonly string[]).includes(s);

/**
 * `clusterArn#iam|scram|tls`: multi-VPC connectivity for that scheme another request turned on, or that was on;
 * `clusterArn#<Sid>`: a statement of the cluster policy that already grants what this request needs.
 * The cluster's ARN names its account and Region.
 */
export async function checkClusterPart(access: AwsAccess, clusterArn: string, part: string): Promise<ReliedOnCheck> {
  const where = parseClusterArn(clusterArn);
  const name = where?.name ?? clusterArn;
  const summary = isScheme(part)
    ? `multi-VPC connectivity for ${part} on ${name} (relied on)`
    : `statement ${part} of ${name}'s cluster policy (relied on)`;
  if (!where) return { summary, problem: `${clusterArn} is not an MSK cluster ARN` };
  const kafka = access.kafka(where.accountId, where.region);
  if (isScheme(part)) {
    try {
      const on = multiVpcOf(await describeCluster(kafka, callLog(), clusterArn))[part];
      return { summary, problem: on ? null : `Multi-VPC connectivity for ${part} is off on ${name}` };
    } catch (error) {
      if (isNotFound(error)) return { summary, problem: `Cluster ${name} is gone` };
      throw error;
    }
  }
  const policy = await readPolicy(kafka, callLog(), clusterArn);
  const held = policy?.document.Statement.some((s) => s.Sid === part) ?? false;
  return { summary, problem: held ? null : `${name}'s cluster policy no longer has statement ${part}` };
}
