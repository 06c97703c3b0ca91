import {
  DescribeVpcPeeringConnectionsCommand,
  type EC2Client,
  type VpcPeeringConnection,
  type VpcPeeringConnectionVpcInfo,
} from "@aws-sdk/client-ec2";
import type { PeeringFacts, PeeringSide, PeeringStatus, VpcRef } from "@/lib/domain/plan/facts";
import { collectPages } from "../collect-pages";
import { filter, type Filter } from "./ec2-describe";

const STATUSES: readonly PeeringStatus[] = [
  "initiating-request",
  "pending-acceptance",
  "provisioning",
  "active",
  "failed",
  "rejected",
  "expired",
  "deleting",
  "deleted",
];

function isPeeringStatus(s: string | undefined): s is PeeringStatus {
  return STATUSES.some((x) => x === s);
}

function describePeerings(ec2: EC2Client, filters: Filter[], pageSize: number): Promise<VpcPeeringConnection[]> {
  return collectPages(
    (NextToken) => ec2.send(new DescribeVpcPeeringConnectionsCommand({ Filters: filters, MaxResults: pageSize, NextToken })),
    (p) => p.VpcPeeringConnections,
    (p) => p.NextToken,
  );
}

function side(info: VpcPeeringConnectionVpcInfo | undefined, fallbackRegion: string): PeeringSide {
  return {
    accountId: info?.OwnerId ?? "",
    region: info?.Region ?? fallbackRegion,
    vpcId: info?.VpcId ?? "",
    // AWS reports peering options only once the peering is active; before that nothing is allowed.
    allowDnsResolutionFromRemoteVpc: info?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc ?? false,
  };
}

export function toPeeringFacts(p: VpcPeeringConnection, region: string): PeeringFacts | null {
  const status = p.Status?.Code;
  if (!p.VpcPeeringConnectionId || !isPeeringStatus(status)) return null;
  return {
    peeringId: p.VpcPeeringConnectionId,
    status,
    requester: side(p.RequesterVpcInfo, region),
    accepter: side(p.AccepterVpcInfo, region),
  };
}

/** Peerings of the VPC in any state, as requester or accepter (two calls: EC2 ANDs filter names). */
export async function discoverVpcPeerings(ec2: EC2Client, vpc: VpcRef, pageSize: number): Promise<PeeringFacts[]> {
  const [asRequester, asAccepter] = await Promise.all([
    describePeerings(ec2, [filter("requester-vpc-info.vpc-id", [vpc.vpcId])], pageSize),
    describePeerings(ec2, [filter("accepter-vpc-info.vpc-id", [vpc.vpcId])], pageSize),
  ]);
  const byId = new Map<string, PeeringFacts>();
  // The filters narrow what AWS sends; each side is checked again on VPC id and owner, so a peering of
  // another VPC is never taken for this one's.
  const isThisVpc = (s: PeeringSide) => s.vpcId === vpc.vpcId && s.accountId === vpc.accountId;
  for (const p of [...asRequester, ...asAccepter]) {
    const facts = toPeeringFacts(p, vpc.region);
    if (facts && (isThisVpc(facts.requester) || isThisVpc(facts.accepter))) byId.set(facts.peeringId, facts);
  }
  return [...byId.values()].sort((a, b) => a.peeringId.localeCompare(b.peeringId));
}

/** Requests this account made that still wait for an answer: the per-account quota counts these. */
export async function countOutstandingPeeringRequests(ec2: EC2Client, accountId: string, pageSize: number): Promise<number> {
  const waiting = ["initiating-request", "pending-acceptance"];
  const outstanding = await describePeerings(
    ec2,
    [filter("requester-vpc-info.owner-id", [accountId]), filter("status-code", waiting)],
    pageSize,
  );
  return outstanding.filter((p) => p.RequesterVpcInfo?.OwnerId === accountId && waiting.includes(p.Status?.Code ?? "")).length;
}
