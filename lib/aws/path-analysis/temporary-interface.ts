import {
  CreateNetworkInterfaceCommand,
  DeleteNetworkInterfaceCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";

import { describeAwsError } from "../aws-errors";

/** The tag that marks the portal's temporary source interface, so a run cut short is cleaned up by the next. */
export const PURPOSE_TAG = { Key: "msk-portal:purpose", Value: "path-analysis-source" };

type Where = { vpcId: string; subnetIds: string[] | undefined; securityGroupIds: string[] };

/** The client subnet the source goes in: the first the requester named, else the VPC's first IPv4 subnet. */
async function sourceSubnet(ec2: EC2Client, where: Where): Promise<string> {
  if (where.subnetIds?.[0]) return where.subnetIds[0];
  const out = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [where.vpcId] }] }));
  const subnet = (out.Subnets ?? []).filter((s) => s.CidrBlock).sort((a, b) => (a.SubnetId ?? "").localeCompare(b.SubnetId ?? ""))[0];
  if (!subnet?.SubnetId) throw new Error(`VPC ${where.vpcId} has no IPv4 subnet to analyse from`);
  return subnet.SubnetId;
}

/** Deletes the interfaces an earlier run for this request left behind (a crash between create and delete). */
export async function deleteLeftoverInterfaces(ec2: EC2Client, requestTag: { Key: string; Value: string }): Promise<void> {
  const out = await ec2.send(
    new DescribeNetworkInterfacesCommand({
      Filters: [
        { Name: `tag:${requestTag.Key}`, Values: [requestTag.Value] },
        { Name: `tag:${PURPOSE_TAG.Key}`, Values: [PURPOSE_TAG.Value] },
      ],
    }),
  );
  for (const eni of out.NetworkInterfaces ?? []) {
    if (eni.NetworkInterfaceId) await deleteInterface(ec2, eni.NetworkInterfaceId);
  }
}

/**
 * A network interface in a client subnet with the client's security groups: the source the analysis starts
 * from, standing in for the client as Reachability Analyzer takes only a resource as a source.
 */
export async function createSourceInterface(
  ec2: EC2Client,
  where: Where,
  requestTag: { Key: string; Value: string },
): Promise<{ networkInterfaceId: string; subnetId: string }> {
  const subnetId = await sourceSubnet(ec2, where);
  const out = await ec2.send(
    new CreateNetworkInterfaceCommand({
      SubnetId: subnetId,
      Groups: where.securityGroupIds,
      Description: "MSK portal: temporary source for a path analysis; deleted when the analysis ends",
      TagSpecifications: [{ ResourceType: "network-interface", Tags: [requestTag, PURPOSE_TAG] }],
    }),
  );
  const id = out.NetworkInterface?.NetworkInterfaceId;
  if (!id) throw new Error("CreateNetworkInterface returned no interface id");
  return { networkInterfaceId: id, subnetId };
}

export async function deleteInterface(ec2: EC2Client, id: string): Promise<void> {
  try {
    await ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: id }));
  } catch (error) {
    if (describeAwsError(error).kind !== "not-found") throw error;
  }
}
