import { DescribeVpcPeeringConnectionsCommand, type EC2Client, type VpcPeeringConnection } from "@aws-sdk/client-ec2";
import { collectPages } from "../../collect-pages";
import type { CallLog } from "./call-log";
import { isNotFound } from "./errors";

/** States a peering does not come back from; AWS keeps showing them for a while. */
export const DEAD_PEERING = ["deleted", "deleting", "rejected", "expired", "failed"];

export function peeringStatus(p: VpcPeeringConnection | null | undefined): string {
  return p?.Status?.Code ?? "unknown";
}

/** Whether that side of the peering lets its VPC resolve the other VPC's private DNS names. */
export function remoteDnsAllowed(p: VpcPeeringConnection, side: "requester" | "accepter"): boolean {
  const info = side === "requester" ? p.RequesterVpcInfo : p.AccepterVpcInfo;
  return info?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc === true;
}

export async function describePeering(ec2: EC2Client, log: CallLog, id: string): Promise<VpcPeeringConnection | null> {
  try {
    const out = await log.run(ec2.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] })));
    // Only the peering asked for, whatever else an endpoint that ignores the id list answers with.
    return out.VpcPeeringConnections?.find((p) => p.VpcPeeringConnectionId === id) ?? null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export function listPeerings(
  ec2: EC2Client,
  log: CallLog,
  filters: { Name: string; Values: string[] }[],
  pageSize: number,
): Promise<VpcPeeringConnection[]> {
  return collectPages(
    (NextToken) =>
      log.run(ec2.send(new DescribeVpcPeeringConnectionsCommand({ Filters: filters, MaxResults: pageSize, NextToken }))),
    (p) => p.VpcPeeringConnections,
    (p) => p.NextToken,
  );
}

/** One end of a peering: the VPC and the account that owns it. */
export type PeeringEnd = { vpcId: string; ownerId: string };

/** The peering requested by `requester` of `accepter`, checked on both VPC ids and both owners. */
export function peeringJoins(p: VpcPeeringConnection, requester: PeeringEnd, accepter: PeeringEnd): boolean {
  const req = p.RequesterVpcInfo;
  const acc = p.AccepterVpcInfo;
  return (
    req?.VpcId === requester.vpcId &&
    req.OwnerId === requester.ownerId &&
    acc?.VpcId === accepter.vpcId &&
    acc.OwnerId === accepter.ownerId
  );
}

/**
 * Live peerings between two VPCs, whichever side requested. The filters narrow what AWS sends; what is
 * used is checked here again, so a peering of other VPCs or accounts is never taken for this one.
 */
export async function livePeeringsBetween(
  ec2: EC2Client,
  log: CallLog,
  a: PeeringEnd,
  b: PeeringEnd,
  pageSize: number,
): Promise<VpcPeeringConnection[]> {
  const one = async (req: PeeringEnd, acc: PeeringEnd) => {
    const found = await listPeerings(
      ec2,
      log,
      [
        { Name: "requester-vpc-info.vpc-id", Values: [req.vpcId] },
        { Name: "accepter-vpc-info.vpc-id", Values: [acc.vpcId] },
      ],
      pageSize,
    );
    return found.filter((p) => peeringJoins(p, req, acc));
  };
  const found = [...(await one(a, b)), ...(await one(b, a))];
  return found.filter((p) => !DEAD_PEERING.includes(peeringStatus(p)));
}
