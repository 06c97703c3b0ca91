import { GetClusterPolicyCommand, type KafkaClient } from "@aws-sdk/client-kafka";
import { z } from "zod";
import type { ClusterFacts, PolicyDocument } from "@/lib/domain/plan/facts";

const stringOrList = z.union([z.string(), z.array(z.string())]);
const policySchema = z.object({
  Version: z.literal("2012-10-17"),
  Statement: z.array(
    z.object({
      Sid: z.string().optional(),
      Effect: z.enum(["Allow", "Deny"]),
      Principal: z.union([z.literal("*"), z.object({ AWS: stringOrList })]).optional(),
      Action: stringOrList,
      Resource: stringOrList,
      Condition: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});

/** IAM accepts a single statement object; the planner always sees a list. */
function normalized(raw: unknown): unknown {
  if (typeof raw === "object" && raw !== null && "Statement" in raw) {
    const statement = (raw).Statement;
    return { ...raw, Statement: Array.isArray(statement) ? statement : [statement] };
  }
  return raw;
}

export function parsePolicyDocument(text: string, clusterArn: string): PolicyDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`The cluster policy of ${clusterArn} is not valid JSON`);
  }
  const parsed = policySchema.safeParse(normalized(raw));
  if (!parsed.success) {
    throw new Error(`The cluster policy of ${clusterArn} is not a policy document the portal understands: ${z.prettifyError(parsed.error)}`);
  }
  const statements = parsed.data.Statement.map((s) => {
    const { Principal, Condition, Sid, ...rest } = s;
    return {
      ...rest,
      ...(Sid !== undefined ? { Sid } : {}),
      ...(Principal !== undefined ? { Principal } : {}),
      ...(Condition !== undefined ? { Condition } : {}),
    };
  });
  return { Version: "2012-10-17", Statement: statements };
}

/** The cluster policy and its version; a cluster without one answers NotFoundException. */
export async function readClusterPolicy(kafka: KafkaClient, clusterArn: string): Promise<ClusterFacts["clusterPolicy"]> {
  try {
    const out = await kafka.send(new GetClusterPolicyCommand({ ClusterArn: clusterArn }));
    if (!out.Policy) return null;
    return { policy: parsePolicyDocument(out.Policy, clusterArn), currentVersion: out.CurrentVersion ?? "" };
  } catch (error) {
    if (error instanceof Error && error.name === "NotFoundException") return null;
    throw error;
  }
}
