import { GetClusterPolicyCommand, type KafkaClient } from "@aws-sdk/client-kafka";
import type { PolicyDocument, PolicyStatement } from "@/lib/domain/plan";
import type { CallLog } from "./call-log";
import { isNotFound } from "./errors";

export type LivePolicy = { document: PolicyDocument; currentVersion: string } | null;

export function parsePolicy(text: string): PolicyDocument {
  const parsed = JSON.parse(text) as { Version?: unknown; Statement?: unknown };
  const statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : [];
  return { Version: "2012-10-17", Statement: statements as PolicyStatement[] };
}

export async function readPolicy(kafka: KafkaClient, log: CallLog, arn: string): Promise<LivePolicy> {
  try {
    const out = await log.run(kafka.send(new GetClusterPolicyCommand({ ClusterArn: arn })));
    if (!out.Policy) return null;
    return { document: parsePolicy(out.Policy), currentVersion: out.CurrentVersion ?? "" };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Key order does not make two statements different. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export function holds(document: PolicyDocument | undefined, statement: PolicyStatement): boolean {
  const want = canonical(statement);
  return (document?.Statement ?? []).some((s) => canonical(s) === want);
}
