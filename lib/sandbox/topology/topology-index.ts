import type { ParsedTopology } from "./schema";

type Account = ParsedTopology["accounts"][number];
type Vpc = Account["vpcs"][number];
type Tgw = Account["transitGateways"][number];
type Cluster = Account["clusters"][number];

export type Located<T> = { item: T; accountId: string; region: string; vpcId?: string };

/** Lookups by id over a parsed topology, for checking the references between its parts. */
export type TopologyIndex = {
  vpcs: Map<string, Located<Vpc>>;
  subnets: Map<string, Located<Vpc["subnets"][number]>>;
  securityGroups: Map<string, Located<Vpc["securityGroups"][number]>>;
  transitGateways: Map<string, Located<Tgw>>;
  peerings: Map<string, ParsedTopology["peerings"][number]>;
  clusters: Map<string, Located<Cluster>>;
};

export function indexTopology(t: ParsedTopology): TopologyIndex {
  const index: TopologyIndex = {
    vpcs: new Map(),
    subnets: new Map(),
    securityGroups: new Map(),
    transitGateways: new Map(),
    peerings: new Map(t.peerings.map((p) => [p.id, p])),
    clusters: new Map(),
  };
  for (const account of t.accounts) {
    for (const vpc of account.vpcs) {
      const at = { accountId: account.id, region: vpc.region, vpcId: vpc.id };
      index.vpcs.set(vpc.id, { item: vpc, ...at });
      for (const sn of vpc.subnets) index.subnets.set(sn.id, { item: sn, ...at });
      for (const sg of vpc.securityGroups) index.securityGroups.set(sg.id, { item: sg, ...at });
    }
    for (const tgw of account.transitGateways) index.transitGateways.set(tgw.id, { item: tgw, accountId: account.id, region: tgw.region });
    for (const c of account.clusters) {
      index.clusters.set(c.arn, { item: c, accountId: account.id, region: c.arn.split(":")[3] ?? "" });
    }
  }
  return index;
}

/** The account and Region an ARN names (`arn:aws:SERVICE:REGION:ACCOUNT:...`). */
export function arnParts(arn: string): { region: string; accountId: string } {
  const [, , , region = "", accountId = ""] = arn.split(":");
  return { region, accountId };
}
