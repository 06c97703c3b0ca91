import type { ConnectionPlan } from "./plan/plan-types";
import { multiVpcFits } from "./plan/multi-vpc-fits";
import type { AuthMode, RequestInput } from "./request-input";

/** Field path -> messages, as the form and the JSON API's `fields` show them. */
export type FieldRefusals = Record<string, string[]>;

const AUTH_LABELS: Record<AuthMode, string> = { iam: "IAM", scram: "SASL/SCRAM", tls: "TLS", plaintext: "plaintext" };

type CatalogCluster = { name: string; region: string; authModes: readonly string[] };

const add = (out: FieldRefusals, field: string, message: string) => {
  out[field] = [...(out[field] ?? []), message];
};
const orNull = (out: FieldRefusals) => (Object.keys(out).length ? out : null);

/**
 * What the catalog alone says cannot work, before anything is read from AWS: an auth mode the cluster does
 * not enable, and multi-VPC private connectivity for a client in another Region (MSK reaches only clients in
 * the cluster's own Region that way). Such a request is refused at its field rather than stored unapprovable.
 */
export function catalogRefusals(input: RequestInput, cluster: CatalogCluster): FieldRefusals | null {
  const out: FieldRefusals = {};
  const missing = input.authModes.filter((m) => !cluster.authModes.includes(m));
  if (missing.length) {
    const offered = cluster.authModes.filter((m): m is AuthMode => m in AUTH_LABELS).map((m) => AUTH_LABELS[m]);
    add(
      out,
      "authModes",
      `${cluster.name} does not enable ${missing.map((m) => AUTH_LABELS[m]).join(" or ")} client authentication: choose ${offered.length ? offered.join(", ") : "a mode the cluster enables"}`,
    );
  }
  if (input.preferredMethod === "multi-vpc-private-connectivity" && input.client.type === "aws-vpc" && input.client.region !== cluster.region) {
    add(
      out,
      "preferredMethod",
      `Multi-VPC private connectivity reaches only clients in ${cluster.region}, the cluster's Region; this VPC is in ${input.client.region}: untick it to connect through peering across Regions`,
    );
  }
  return orNull(out);
}

/**
 * What discovery confirmed the form could have known: the cluster's auth modes as AWS reports them, and a
 * peering across overlapping CIDRs when multi-VPC private connectivity is the known way out (the client VPC's
 * CIDRs from discovery, the MSK VPC's from the catalog). Other blocking findings need AWS or an admin to change,
 * so their request is stored and waits for changes instead.
 */
export function planRefusals(plan: ConnectionPlan, input: RequestInput, clusterRegion: string): FieldRefusals | null {
  const out: FieldRefusals = {};
  for (const finding of plan.preflight) {
    if (finding.severity !== "block") continue;
    if (finding.code === "auth-mode-not-enabled") add(out, "authModes", `${finding.message}: ${lower(finding.remedy)}`);
    if (finding.code === "multi-vpc-other-region") add(out, "preferredMethod", `${finding.message}: ${lower(finding.remedy)}`);
    if (finding.code === "cidr-overlap" && plan.method === "vpc-peering" && input.client.type === "aws-vpc" && multiVpcFits(input.client.region, clusterRegion, input.authModes)) {
      add(out, "preferredMethod", `${finding.message}. Tick multi-VPC private connectivity: it reaches the brokers through PrivateLink and tolerates overlapping CIDRs`);
    }
  }
  return orNull(out);
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
