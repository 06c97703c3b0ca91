import { connectionDetails, type LiveConnection } from "@/lib/domain/plan/connection-details";
import type { ConnectionPlan } from "@/lib/domain/plan/plan-types";

import { CopyBlock } from "./copy-block";
import { Card } from "./ui/card";

const AUTH_TITLES: Record<string, string> = { iam: "IAM", scram: "SASL/SCRAM", tls: "Mutual TLS", plaintext: "Plaintext" };

function properties(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");
}

// What the requester came for: where to connect and how, ready to paste into the client's configuration.
export function ConnectionDetails({ plan, connection }: { plan: ConnectionPlan; connection: LiveConnection | null }) {
  const { bootstrap, clientSettings, iamPolicy, iamPolicyScope } = connectionDetails(plan, connection);
  const modes = Object.entries(clientSettings);
  return (
    <Card title="Connect your client">
      <div id="connection-details" className="scroll-mt-4 space-y-4" data-testid="connection-details">
        {bootstrap ? <CopyBlock label="Bootstrap brokers" text={bootstrap} /> : <p className="text-sm text-slate-600">MSK has not published bootstrap brokers for this connection yet.</p>}
        {modes.map(([mode, settings]) =>
          settings ? (
            <details key={mode} open={modes.length === 1} className="rounded-md ring-1 ring-slate-200">
              <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{AUTH_TITLES[mode] ?? mode}</summary>
              <div className="space-y-3 px-3 pb-3">
                {settings.bootstrap && settings.bootstrap !== bootstrap ? <CopyBlock label="Bootstrap brokers" text={settings.bootstrap} /> : null}
                <CopyBlock label="Java client properties" text={properties(settings.java)} />
                <CopyBlock label="librdkafka" text={properties(settings.librdkafka)} />
                {settings.notes.map((n) => (
                  <p key={n} className="text-xs text-slate-600">
                    {n}
                  </p>
                ))}
              </div>
            </details>
          ) : null,
        )}
        {iamPolicy ? (
          <details className="rounded-md ring-1 ring-slate-200">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
              IAM policy for the client&apos;s role{" "}
              {iamPolicyScope === "every-topic" ? "(every topic and group of the cluster: the request named none)" : "(only the topics and groups asked for)"}
            </summary>
            <div className="px-3 pb-3">
              <CopyBlock label="Policy document" text={JSON.stringify(iamPolicy, null, 2)} />
            </div>
          </details>
        ) : null}
      </div>
    </Card>
  );
}
