import {
  DescribeSubnetsCommand,
  DescribeTransitGatewayAttachmentsCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  type EC2Client,
  type TransitGatewayAttachment,
  type TransitGatewayVpcAttachment,
} from "@aws-sdk/client-ec2";
import { collectPages } from "../../collect-pages";
import type { CallLog } from "./call-log";
import { isNotFound } from "./errors";

/** States an attachment does not come back from. */
export const DEAD_ATTACHMENT = ["deleting", "deleted", "failing", "failed", "rejecting", "rejected"];

export function vpcAttachments(
  ec2: EC2Client,
  log: CallLog,
  filters: { Name: string; Values: string[] }[],
  pageSize: number,
): Promise<TransitGatewayVpcAttachment[]> {
  return collectPages(
    (NextToken) =>
      log.run(ec2.send(new DescribeTransitGatewayVpcAttachmentsCommand({ Filters: filters, MaxResults: pageSize, NextToken }))),
    (p) => p.TransitGatewayVpcAttachments,
    (p) => p.NextToken,
  );
}

export async function vpcAttachment(ec2: EC2Client, log: CallLog, id: string): Promise<TransitGatewayVpcAttachment | null> {
  try {
    const out = await log.run(ec2.send(new DescribeTransitGatewayVpcAttachmentsCommand({ TransitGatewayAttachmentIds: [id] })));
    return out.TransitGatewayVpcAttachments?.[0] ?? null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** The generic view, which carries the route table association. */
export async function attachment(ec2: EC2Client, log: CallLog, id: string): Promise<TransitGatewayAttachment | null> {
  try {
    const out = await log.run(ec2.send(new DescribeTransitGatewayAttachmentsCommand({ TransitGatewayAttachmentIds: [id] })));
    return out.TransitGatewayAttachments?.[0] ?? null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export function isLive(a: { State?: string | undefined } | null | undefined): boolean {
  return a !== null && a !== undefined && !DEAD_ATTACHMENT.includes(a.State ?? "");
}

/** Availability Zone ids of subnets, for comparing an attachment made elsewhere with the planned one. */
export async function zonesOf(ec2: EC2Client, log: CallLog, subnetIds: readonly string[]): Promise<Set<string>> {
  if (subnetIds.length === 0) return new Set();
  const out = await log.run(ec2.send(new DescribeSubnetsCommand({ SubnetIds: [...subnetIds] })));
  return new Set((out.Subnets ?? []).map((s) => s.AvailabilityZoneId ?? "").filter(Boolean));
}
