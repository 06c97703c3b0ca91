import { ACCOUNT_ID_PATTERN, VPC_ID_PATTERN } from "@/lib/domain/aws-ids";
import { classifyScenario, SCENARIO_LABELS, type Scenario } from "@/lib/domain/scenario";

type PartialClient = { type: "aws-vpc"; accountId: string; region: string; vpcId: string } | { type: "on-prem" | "saas" };

// Runs the same pure classifier the server uses, as the requester types, so they see the route their
// request will take before filing it.
export function DetectedScenario({ cluster, client }: { cluster?: { accountId: string; region: string; vpcId: string; name: string }; client: PartialClient }) {
  let scenario: Scenario | null = null;
  if (cluster) {
    if (client.type !== "aws-vpc") scenario = client.type;
    else if (ACCOUNT_ID_PATTERN.test(client.accountId) && VPC_ID_PATTERN.test(client.vpcId)) {
      scenario = classifyScenario({ ...client, securityGroupIds: [] }, cluster);
    }
  }
  return (
    <div className="sticky top-6 rounded-lg border border-indigo-200 bg-indigo-50 p-5" aria-live="polite" data-testid="detected-scenario">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-indigo-900">Detected scenario</h2>
      {scenario ? (
        <>
          <p className="mt-2 text-lg font-semibold text-indigo-950" data-scenario={scenario}>
            {SCENARIO_LABELS[scenario].title}
          </p>
          <p className="mt-1 text-sm text-indigo-900">{SCENARIO_LABELS[scenario].summary}</p>
        </>
      ) : (
        <p className="mt-2 text-sm text-indigo-900">Fill in the client&apos;s account and VPC to see how it will reach the cluster.</p>
      )}
      {cluster ? (
        <dl className="mt-4 space-y-1 text-xs text-indigo-900">
          <div>
            <dt className="inline font-medium">Cluster network: </dt>
            <dd className="inline font-mono">
              {cluster.vpcId} · {cluster.accountId} · {cluster.region}
            </dd>
          </div>
        </dl>
      ) : null}
    </div>
  );
}
