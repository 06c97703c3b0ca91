import { awsError } from "../../core/aws-error";
import { cidrContains, isValidCidr } from "../../core/cidr";
import { stableHex } from "../../core/ids";
import { qBool, qInt, qRequired, qStrList, qStruct, type QueryNode } from "../../protocols/query-input";
import type { XmlObject } from "../../protocols/xml";
import type { NetworkAclEntry, SandboxState, Vpc, VpcNetworkAcl } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { describeItems } from "./ec2-describe";
import { isMine } from "./ec2-visibility";

/**
 * Each VPC's default network ACL, which every subnet of the sandbox uses: AWS's default allows all inbound
 * and outbound IPv4 traffic (rule 100) ahead of the final deny `*` (VPC user guide, "Default network ACL").
 * Entries added with CreateNetworkAclEntry sit beside rule 100 and are evaluated in rule-number order.
 */
export function defaultAclId(vpcId: string): string {
  return `acl-0d${stableHex(vpcId, 15)}`;
}

const DEFAULT_ENTRIES: NetworkAclEntry[] = [
  { ruleNumber: 100, egress: false, protocol: "-1", ruleAction: "allow", cidrBlock: "0.0.0.0/0" },
  { ruleNumber: 100, egress: true, protocol: "-1", ruleAction: "allow", cidrBlock: "0.0.0.0/0" },
];

export function aclOfVpc(state: SandboxState, vpc: Vpc): VpcNetworkAcl {
  return (
    state.networkAcls?.[vpc.id] ?? {
      id: defaultAclId(vpc.id),
      vpcId: vpc.id,
      accountId: vpc.accountId,
      region: vpc.region,
      entries: DEFAULT_ENTRIES.map((e) => ({ ...e })),
    }
  );
}

function findAcl(ctx: RequestContext, id: string): VpcNetworkAcl {
  const vpc = Object.values(ctx.world.state.vpcs).find((v) => isMine(ctx, v) && defaultAclId(v.id) === id);
  if (!vpc) throw awsError("InvalidNetworkAclID.NotFound", `The networkAcl ID '${id}' does not exist`);
  const acl = aclOfVpc(ctx.world.state, vpc);
  (ctx.world.state.networkAcls ??= {})[vpc.id] = acl;
  return acl;
}

const PROTOCOL_NUMBERS: Record<string, string> = { all: "-1", "-1": "-1", tcp: "6", "6": "6", udp: "17", "17": "17", icmp: "1", "1": "1" };

function entryInput(q: QueryNode): NetworkAclEntry {
  const ruleNumber = qInt(q, "RuleNumber");
  if (ruleNumber === undefined || ruleNumber < 1 || ruleNumber > 32766) {
    throw awsError("InvalidParameterValue", "The rule number must be between 1 and 32766.");
  }
  const protocol = PROTOCOL_NUMBERS[qRequired(q, "Protocol").toLowerCase()];
  if (!protocol) throw awsError("InvalidParameterValue", "Invalid protocol: use -1, 6 (tcp), 17 (udp) or 1 (icmp).");
  const ruleAction = qRequired(q, "RuleAction");
  if (ruleAction !== "allow" && ruleAction !== "deny") throw awsError("InvalidParameterValue", `Invalid rule action: ${ruleAction}`);
  const cidrBlock = qRequired(q, "CidrBlock");
  if (!isValidCidr(cidrBlock)) throw awsError("InvalidParameterValue", `Value (${cidrBlock}) for parameter cidrBlock is invalid.`);
  const range = qStruct(q, "PortRange");
  const from = range && qInt(range, "From");
  const to = range && qInt(range, "To");
  if ((protocol === "6" || protocol === "17") && (from === undefined || to === undefined)) {
    throw awsError("MissingParameter", "TCP and UDP rules need a port range.");
  }
  return {
    ruleNumber,
    egress: qBool(q, "Egress") ?? false,
    protocol,
    ruleAction,
    cidrBlock,
    portRange: from !== undefined && to !== undefined ? { from, to } : undefined,
  };
}

export function createNetworkAclEntry(ctx: RequestContext, q: QueryNode): XmlObject {
  const acl = findAcl(ctx, qRequired(q, "NetworkAclId"));
  const entry = entryInput(q);
  if (acl.entries.some((e) => e.egress === entry.egress && e.ruleNumber === entry.ruleNumber)) {
    throw awsError("NetworkAclEntryAlreadyExists", `The network acl entry identified by ${entry.ruleNumber} already exists.`);
  }
  acl.entries.push(entry);
  return { return: true };
}

export function deleteNetworkAclEntry(ctx: RequestContext, q: QueryNode): XmlObject {
  const acl = findAcl(ctx, qRequired(q, "NetworkAclId"));
  const egress = qBool(q, "Egress") ?? false;
  const ruleNumber = qInt(q, "RuleNumber");
  const index = acl.entries.findIndex((e) => e.egress === egress && e.ruleNumber === ruleNumber);
  if (index < 0) throw awsError("InvalidNetworkAclEntry.NotFound", `No ${egress ? "egress" : "ingress"} entry with rule number ${ruleNumber}.`);
  acl.entries.splice(index, 1);
  return { return: true };
}

type AclPacket = { egress: boolean; protocol: "6" | "17"; address: string };
type AclVerdict = { allowed: boolean; entry: NetworkAclEntry | "default-deny" };

/** What a subnet's ACL decides for a packet on one port: the first entry by rule number that matches, else the final deny. */
function verdictAt(ordered: NetworkAclEntry[], packet: AclPacket, port: number): AclVerdict {
  for (const entry of ordered) {
    if (entry.protocol !== "-1" && entry.protocol !== packet.protocol) continue;
    if (!cidrContains(entry.cidrBlock, packet.address)) continue;
    if (entry.protocol !== "-1" && entry.portRange && (port < entry.portRange.from || port > entry.portRange.to)) continue;
    return { allowed: entry.ruleAction === "allow", entry };
  }
  return { allowed: false, entry: "default-deny" };
}

/**
 * Whether some port of the range gets through (a reply comes back on whichever ephemeral port the client
 * chose): the verdict only changes at rule boundaries, so those ports are the ones to try. Denied: the verdict
 * for the range's first port.
 */
export function aclVerdict(acl: VpcNetworkAcl, packet: AclPacket & { ports: { from: number; to: number } }): AclVerdict {
  const ordered = acl.entries.filter((e) => e.egress === packet.egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
  const { from, to } = packet.ports;
  const edges = ordered.flatMap((e) => (e.portRange ? [e.portRange.from - 1, e.portRange.from, e.portRange.to, e.portRange.to + 1] : []));
  const candidates = [...new Set([from, to, ...edges])].filter((p) => p >= from && p <= to);
  for (const port of candidates) {
    const verdict = verdictAt(ordered, packet, port);
    if (verdict.allowed) return verdict;
  }
  return verdictAt(ordered, packet, from);
}

function entryXml(e: NetworkAclEntry): XmlObject {
  return {
    ruleNumber: e.ruleNumber,
    protocol: e.protocol,
    ruleAction: e.ruleAction,
    egress: e.egress,
    cidrBlock: e.cidrBlock,
    portRange: e.portRange ? { from: e.portRange.from, to: e.portRange.to } : undefined,
  };
}

const FINAL_DENY: NetworkAclEntry[] = [
  { ruleNumber: 32767, egress: false, protocol: "-1", ruleAction: "deny", cidrBlock: "0.0.0.0/0" },
  { ruleNumber: 32767, egress: true, protocol: "-1", ruleAction: "deny", cidrBlock: "0.0.0.0/0" },
];

export function describeNetworkAcls(ctx: RequestContext, q: QueryNode): XmlObject {
  const state = ctx.world.state;
  const acls = Object.values(state.vpcs)
    .filter((v) => isMine(ctx, v))
    .map((vpc) => ({ acl: aclOfVpc(state, vpc), subnets: Object.values(state.subnets).filter((s) => s.vpcId === vpc.id), tags: [] }));
  const { page, nextToken } = describeItems(q, acls, (a) => a.acl.id, qStrList(q, "NetworkAclId"), "InvalidNetworkAclID.NotFound", {
    "network-acl-id": (a) => [a.acl.id],
    "vpc-id": (a) => [a.acl.vpcId],
    "default": () => ["true"],
    "association.subnet-id": (a) => a.subnets.map((s) => s.id),
  });
  return {
    networkAclSet: page.map(({ acl, subnets }) => ({
      networkAclId: acl.id,
      vpcId: acl.vpcId,
      ownerId: acl.accountId,
      default: true,
      entrySet: [...acl.entries, ...FINAL_DENY].map(entryXml),
      associationSet: subnets.map((s) => ({ networkAclAssociationId: `aclassoc-${s.id.slice(7)}`, networkAclId: acl.id, subnetId: s.id })),
      tagSet: [],
    })),
    nextToken,
  };
}

