import { csvLine } from "../audit/csv";
import type { ClusterFacts, PeeringStatus, SgIngressRule, TgwAttachmentFacts } from "../plan/facts";

/**
 * The network access to a cluster that exists in AWS, whoever made it: ingress rules on the broker security
 * groups, peerings and Transit Gateway attachments of the cluster's VPC, routes in its route tables towards
 * them, the principals of the cluster policy, each matched with the portal's claims so that what no request
 * accounts for stands out. (Client VPC connections of multi-VPC connectivity have their own list.)
 */
export type AccessKind = "sg-rule" | "peering" | "tgw-attachment" | "route" | "policy-statement";

export const ACCESS_KIND_LABELS: Record<AccessKind, string> = {
  "sg-rule": "Broker security group rule",
  peering: "VPC peering",
  "tgw-attachment": "Transit Gateway attachment",
  route: "Route",
  "policy-statement": "Cluster policy statement",
};

export type AccessItem = {
  kind: AccessKind;
  /** The id the portal's claims use for it, so a claim finds it. */
  id: string;
  summary: string;
  /** Requests that created it. */
  madeBy: number[];
  /** Requests that rely on it without having made it. */
  reliedOnBy: number[];
};

/** A maker's claim stays open while its ended request's teardown keeps the resource for others. */
export type LiveClaim = { resource: string; kind: "created" | "relied-on"; requestNumber: number };

// A peering or attachment on its way out (or never accepted) carries no traffic: not access.
const LIVE_PEERING: readonly PeeringStatus[] = ["pending-acceptance", "provisioning", "active"];
const LIVE_ATTACHMENT: readonly TgwAttachmentFacts["state"][] = ["pendingAcceptance", "pending", "available", "modifying"];

function ports(rule: SgIngressRule): string {
  if (rule.protocol === "-1") return "all traffic";
  const range = rule.fromPort === rule.toPort ? String(rule.fromPort) : `${rule.fromPort}-${rule.toPort}`;
  return `${rule.protocol} ${range}`;
}

function source(rule: SgIngressRule): string {
  const s = rule.source;
  if (s.kind === "cidr") return s.cidr;
  if (s.kind === "prefix-list") return s.prefixListId;
  return s.userId ? `${s.groupId} (account ${s.userId})` : s.groupId;
}

const principalsOf = (principal: unknown): string => {
  if (typeof principal === "string") return principal;
  if (principal && typeof principal === "object") {
    return Object.values(principal as Record<string, unknown>)
      .flat()
      .filter((p): p is string => typeof p === "string")
      .join(", ");
  }
  return "no principal";
};

/** Everything in the facts that lets a client reach the brokers, each with the requests that account for it. */
export function existingAccess(facts: ClusterFacts, claims: readonly LiveClaim[]): AccessItem[] {
  const items: Omit<AccessItem, "madeBy" | "reliedOnBy">[] = [];
  for (const group of facts.securityGroups) {
    for (const rule of group.ingress) {
      if (!rule.ruleId) continue;
      items.push({ kind: "sg-rule", id: rule.ruleId, summary: `${group.groupId}: ${ports(rule)} from ${source(rule)}` });
    }
  }
  const peerings = facts.peerings.filter((p) => LIVE_PEERING.includes(p.status));
  for (const p of peerings) {
    const other = p.requester.vpcId === facts.vpcId ? p.accepter : p.requester;
    items.push({ kind: "peering", id: p.peeringId, summary: `${p.peeringId} (${p.status}) to ${other.vpcId} in ${other.accountId}, ${other.region}` });
  }
  const attachments = facts.tgwAttachments.filter((a) => LIVE_ATTACHMENT.includes(a.state));
  for (const a of attachments) {
    items.push({ kind: "tgw-attachment", id: a.attachmentId, summary: `${a.attachmentId} (${a.state}) to ${a.transitGatewayId}` });
  }
  // Routes out of the cluster's VPC towards a peering or a Transit Gateway: the return path of every client.
  for (const table of facts.routeTables) {
    for (const route of table.routes) {
      if (route.propagated || !/^(pcx|tgw)-/.test(route.target)) continue;
      items.push({ kind: "route", id: `${table.routeTableId}|${route.destinationCidr}`, summary: `${table.routeTableId}: ${route.destinationCidr} via ${route.target}${route.state === "blackhole" ? " (blackhole)" : ""}` });
    }
  }
  for (const statement of facts.clusterPolicy?.policy.Statement ?? []) {
    if (statement.Effect !== "Allow") continue;
    const sid = statement.Sid ?? "(no Sid)";
    items.push({ kind: "policy-statement", id: `${facts.arn}#${sid}`, summary: `${sid}: ${principalsOf(statement.Principal)}` });
  }
  const numbers = (id: string, kind: LiveClaim["kind"]) => [...new Set(claims.filter((c) => c.resource === id && c.kind === kind).map((c) => c.requestNumber))].sort((a, b) => a - b);
  return items.map((item) => ({ ...item, madeBy: numbers(item.id, "created"), reliedOnBy: numbers(item.id, "relied-on") }));
}

/** What a row says of its origin, in the words the page and the export use. */
export function accessOrigin(item: AccessItem): string {
  const numbers = (list: readonly number[]) => list.map((n) => `#${n}`).join(", ");
  if (item.madeBy.length && item.reliedOnBy.length) return `made by request ${numbers(item.madeBy)}; relied on by request ${numbers(item.reliedOnBy)}`;
  if (item.madeBy.length) return `made by request ${numbers(item.madeBy)}`;
  if (item.reliedOnBy.length) return `not made by the portal; relied on by request ${item.reliedOnBy.map((n) => `#${n}`).join(", ")}`;
  return "not made by the portal";
}

export const EXISTING_ACCESS_CSV_HEADER = csvLine(["kind", "id", "summary", "origin", "made_by", "relied_on_by"]);

export function existingAccessCsvLine(item: AccessItem): string {
  return csvLine([item.kind, item.id, item.summary, accessOrigin(item), item.madeBy.join(" "), item.reliedOnBy.join(" ")]);
}
