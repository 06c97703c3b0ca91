import { DescribeVpcPeeringConnectionsCommand, type EC2Client, type VpcPeeringConnection } from "@aws-sdk/client-ec2";
import { collectPages } from "../../collect-pages";
import type { CallLog } from "./call-log";
import { isNotFound } from "./errors";

/** States a peering does not come back from; AWS keeps showing them for a while. */
export const DEAD_PEERING = ["deleted", "deleting", "rejected", "expired", "failed"];

export function peeringStatus(p: VpcPeeringConnection | null | undefined): string {
  return p?.Status?.Code ?? "unknown";
}

export async function describePeering(ec2: EC2Client, log: CallLog, id: string): Promise<VpcPeeringConnection | null> {
  try {
    const out = await log.run(ec2.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] })));
    return out.VpcPeeringConnections?.[0] ?? null;
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

/** Live peerings between two VPCs, whichever side requested. */
export async function livePeeringsBetween(
  ec2: EC2Client,
  log: CallLog,
  vpcA: string,
  vpcB: string,
  pageSize: number,
): Promise<VpcPeeringConnection[]> {
  const one = (req: string, acc: string) =>
    listPeerings(
      ec2,
      log,
      [
        { Name: "requester-vpc-info.vpc-id", Values: [req] },
        { Name: "accepter-vpc-info.vpc-id", Values: [acc] },
      ],
      pageSize,
    );
  const found = [...(await one(vpcA, vpcB)), ...(await one(vpcB, vpcA))];
  return found.filter((p) => !DEAD_PEERING.includes(peeringStatus(p)));
}
