import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { createAwsAccess, type AwsAccess } from "../lib/aws/aws-access";
import { snapshot, type Snapshot } from "../lib/aws/steps/testing/sandbox-state";

// Written by scripts/e2e-server.ts: the sandbox AWS the run's portal talks to.
const SANDBOX_URL_FILE = fileURLToPath(new URL("../.data/e2e-sandbox-url", import.meta.url));

export const sandboxUrl = () => readFileSync(SANDBOX_URL_FILE, "utf8").trim();

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandboxUrl()}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status}`);
  return response.json();
}

/** Everything a plan can change in the sandbox, normalised (see lib/aws/steps/testing/sandbox-state.ts). */
export const sandboxState = (): Promise<Snapshot> => snapshot({ control });

/**
 * AWS as a client account's own engineers reach it: their own role in that account (not the portal's, whose
 * least-privilege policy refuses what a team does by hand), assumed with a key the sandbox did not issue.
 */
export function sandboxAws(): AwsAccess {
  return createAwsAccess({
    endpoint: sandboxUrl(),
    homeRegion: "us-east-1",
    roleNameOrArn: () => "OrganizationAccountAccessRole",
    externalId: () => "msk-portal-dev",
    baseCredentials: () => Promise.resolve({ accessKeyId: "AKIAE2ESPEC000000001", secretAccessKey: "e2e-spec-secret" }),
    sessionName: "e2e-spec",
  });
}

// Ids the sandbox generates (`<prefix>-0f` + 15 hex digits) differ per run; seeded ids never look like that.
const GENERATED_ID = /\b((?:[a-z]+-)+)0f[0-9a-f]{15}\b/g;
const masked = (text: string) => text.replace(GENERATED_ID, "$1*");

function listDiff(label: string, before: readonly string[] = [], after: readonly string[] = []): string[] {
  const gone = before.filter((x) => !after.includes(x)).map((x) => `- ${label} ${x}`);
  const added = after.filter((x) => !before.includes(x)).map((x) => `+ ${label} ${x}`);
  return [...gone, ...added];
}

function keyedDiff(label: string, before: Record<string, readonly string[]>, after: Record<string, readonly string[]>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.flatMap((k) => listDiff(`${label} ${k}`, before[k], after[k]));
}

/** The AWS principals a cluster policy grants, e.g. `arn:aws:iam::444444444444:root`. */
function policyPrincipals(document: string | null): string[] {
  if (!document) return [];
  const policy = JSON.parse(document) as { Statement?: { Principal?: { AWS?: string | string[] } }[] };
  return [...new Set((policy.Statement ?? []).flatMap((s) => [s.Principal?.AWS ?? []].flat()))].sort();
}

const clusterName = (arn: string) => arn.split("/")[1] ?? arn;

/**
 * What changed from `before` to `after`, one readable line per resource (`+ route rtb-… 10.1.0.0/16 -> pcx-*`),
 * sorted, with generated ids masked, so a spec can state exactly what a request built.
 */
export function sandboxDiff(before: Snapshot, after: Snapshot): string[] {
  const lines = [
    ...keyedDiff("route", before.routes, after.routes),
    ...keyedDiff("rule", before.rules, after.rules),
    ...listDiff("peering", before.peerings, after.peerings),
    ...listDiff("tgw-attachment", before.attachments, after.attachments),
    ...keyedDiff("propagation", before.propagations, after.propagations),
    ...listDiff("share", before.shares, after.shares),
    ...listDiff("vpc-connection", before.vpcConnections, after.vpcConnections),
  ];
  for (const key of new Set([...Object.keys(before.tgwStaticRoutes), ...Object.keys(after.tgwStaticRoutes)])) {
    const [was, is] = [before.tgwStaticRoutes[key] ?? 0, after.tgwStaticRoutes[key] ?? 0];
    if (was !== is) lines.push(`~ tgw-static-routes ${key} ${was} -> ${is}`);
  }
  for (const arn of new Set([...Object.keys(before.clusters), ...Object.keys(after.clusters)])) {
    const [was, is] = [before.clusters[arn], after.clusters[arn]];
    for (const mode of new Set([...Object.keys(was?.vpcConnectivity ?? {}), ...Object.keys(is?.vpcConnectivity ?? {})])) {
      const [on, nowOn] = [Boolean(was?.vpcConnectivity[mode]), Boolean(is?.vpcConnectivity[mode])];
      if (on !== nowOn) lines.push(`~ cluster ${clusterName(arn)} multi-VPC ${mode} ${nowOn ? "on" : "off"}`);
    }
    lines.push(...listDiff(`cluster ${clusterName(arn)} policy grants`, policyPrincipals(was?.policy ?? null), policyPrincipals(is?.policy ?? null)));
  }
  return lines.map(masked).sort();
}
