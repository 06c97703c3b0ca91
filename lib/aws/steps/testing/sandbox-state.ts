import type { SandboxAccess } from "../../testing/sandbox-access";

type Tag = { key: string; value: string };
type Route = { destinationCidrBlock: string; origin: string; gatewayId?: string; vpcPeeringConnectionId?: string; transitGatewayId?: string };
type Rule = { id: string; isEgress: boolean; ipProtocol: string; fromPort: number; toPort: number; cidrIpv4?: string; referencedGroup?: { groupId: string; userId: string }; tags: Tag[] };
type Peering = { id: string; status: string; requester: { vpcId: string; allowDnsResolutionFromRemoteVpc: boolean }; accepter: { vpcId: string; allowDnsResolutionFromRemoteVpc: boolean }; tags: Tag[] };
type Attachment = { id: string; resourceId: string; resourceType: string; state: string; associatedRouteTableId?: string; tags: Tag[] };
type TgwRouteTable = { id: string; propagations: string[]; staticRoutes: unknown[] };
type Cluster = { arn: string; state: string; vpcConnectivity: Record<string, boolean>; policy?: { document: string } };
type Share = { arn: string; status: string; principals: { accountId: string; status: string }[]; resources: { arn: string; status: string }[] };
type VpcConnection = { arn: string; state: string };
type Bucket = {
  routeTables?: { id: string; routes: Route[] }[];
  securityGroups?: { id: string; rules: Rule[] }[];
  vpcPeeringConnections?: Peering[];
  transitGatewayAttachments?: Attachment[];
  transitGatewayRouteTables?: TgwRouteTable[];
  mskClusters?: Cluster[];
  resourceShares?: Share[];
  mskVpcConnections?: VpcConnection[];
};
type State = { accounts: Record<string, { regions: Record<string, Bucket> }> };

/** What a plan can change, in a form two moments can be compared in; gone things are left out. */
export type Snapshot = {
  routes: Record<string, string[]>;
  rules: Record<string, string[]>;
  peerings: string[];
  attachments: string[];
  propagations: Record<string, string[]>;
  tgwStaticRoutes: Record<string, number>;
  clusters: Record<string, { vpcConnectivity: Record<string, boolean>; policy: string | null }>;
  shares: string[];
  vpcConnections: string[];
};

const routeText = (r: Route) => `${r.destinationCidrBlock} -> ${r.gatewayId ?? r.vpcPeeringConnectionId ?? r.transitGatewayId ?? "?"}`;
const ruleText = (r: Rule) =>
  `${r.isEgress ? "out" : "in"} ${r.ipProtocol} ${r.fromPort}-${r.toPort} ${r.cidrIpv4 ?? `${r.referencedGroup?.userId ?? ""}/${r.referencedGroup?.groupId ?? ""}`}`;

// Only the control API is needed, so the end-to-end specs can pass a plain fetch against the e2e server's sandbox.
export async function snapshot(env: Pick<SandboxAccess, "control">): Promise<Snapshot> {
  const state = (await env.control("GET", "/_sandbox/state")) as State;
  const buckets = Object.values(state.accounts).flatMap((a) => Object.values(a.regions));
  const out: Snapshot = { routes: {}, rules: {}, peerings: [], attachments: [], propagations: {}, tgwStaticRoutes: {}, clusters: {}, shares: [], vpcConnections: [] };
  for (const b of buckets) {
    for (const rt of b.routeTables ?? []) out.routes[rt.id] = rt.routes.map(routeText).sort();
    for (const sg of b.securityGroups ?? []) out.rules[sg.id] = sg.rules.map(ruleText).sort();
    for (const p of b.vpcPeeringConnections ?? []) {
      if (["deleted", "rejected", "expired", "failed"].includes(p.status)) continue;
      out.peerings.push(
        `${p.requester.vpcId}${p.requester.allowDnsResolutionFromRemoteVpc ? "(dns)" : ""} <-> ${p.accepter.vpcId}${p.accepter.allowDnsResolutionFromRemoteVpc ? "(dns)" : ""} ${p.status}`,
      );
    }
    for (const a of b.transitGatewayAttachments ?? []) {
      if (a.state === "deleted" || a.state === "deleting") continue;
      out.attachments.push(`${a.resourceType} ${a.resourceId} ${a.state} ${a.associatedRouteTableId ?? "-"}`);
    }
    for (const t of b.transitGatewayRouteTables ?? []) {
      out.propagations[t.id] = t.propagations.map((id) => attachmentLabel(buckets, id)).sort();
      out.tgwStaticRoutes[t.id] = t.staticRoutes.length;
    }
    for (const c of b.mskClusters ?? []) out.clusters[c.arn] = { vpcConnectivity: c.vpcConnectivity, policy: c.policy?.document ?? null };
    for (const s of b.resourceShares ?? []) {
      if (s.status !== "ACTIVE") continue;
      const principals = s.principals.filter((p) => p.status !== "DISASSOCIATED").map((p) => p.accountId).sort();
      const resources = s.resources.filter((r) => r.status === "ASSOCIATED").map((r) => r.arn).sort();
      if (principals.length > 0 || resources.length > 0) out.shares.push(`${resources.join(",")} -> ${principals.join(",")}`);
    }
    for (const v of b.mskVpcConnections ?? []) if (v.state !== "DELETING") out.vpcConnections.push(`${v.arn} ${v.state}`);
  }
  out.peerings.sort();
  out.attachments.sort();
  out.shares.sort();
  return out;
}

function attachmentLabel(buckets: Bucket[], id: string): string {
  const a = buckets.flatMap((b) => b.transitGatewayAttachments ?? []).find((x) => x.id === id);
  return a ? `${a.resourceType}:${a.resourceId}` : id;
}

/** Keys of `after` whose value differs from `before`, with both values, for readable assertions. */
export function changed<T>(before: Record<string, T>, after: Record<string, T>): Record<string, { before: T | undefined; after: T | undefined }> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: Record<string, { before: T | undefined; after: T | undefined }> = {};
  for (const k of keys) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out[k] = { before: before[k], after: after[k] };
  }
  return out;
}
