import { awsError } from "../../core/aws-error";
import { cidrContains, ipToNumber, numberToIp, parseCidr } from "../../core/cidr";
import { newId, stableHex } from "../../core/ids";
import { qRequired, qStr, qStrList, qTagSpecifications, type QueryNode } from "../../protocols/query-input";
import type { XmlObject } from "../../protocols/xml";
import type { MskCluster, NetworkInterface, SandboxState } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { describeItems } from "./ec2-describe";
import { tagSet } from "./ec2-tag-input";
import { findMine, isMine } from "./ec2-visibility";

// AWS reserves the first four addresses and the last one of every subnet (VPC user guide, "Subnet CIDR
// blocks"). Broker ENIs take host .10 onwards; ENIs made with CreateNetworkInterface take .100 onwards.
const BROKER_HOST_OFFSET = 10;
const CREATED_HOST_OFFSET = 100;

function hostAddress(subnetCidr: string, offset: number): string {
  const range = parseCidr(subnetCidr);
  if (!range) throw awsError("InsufficientFreeAddressesInSubnet", "The subnet has no IPv4 addresses.");
  return numberToIp(range.base + offset);
}

/**
 * The broker network interfaces MSK keeps in the cluster's client subnets, one per broker, spread over the
 * subnets in order (MSK distributes brokers evenly across the zones). They belong to the cluster's account
 * and carry the cluster's security groups. Derived, not stored: they live exactly as long as the cluster.
 */
export function brokerInterfaces(state: SandboxState, cluster: MskCluster): (NetworkInterface & { brokerId: number })[] {
  const perSubnet = new Map<string, number>();
  return Array.from({ length: cluster.numberOfBrokerNodes }, (_, i) => {
    const subnetId = cluster.brokerSubnets[i % cluster.brokerSubnets.length] ?? "";
    const subnet = state.subnets[subnetId];
    const index = perSubnet.get(subnetId) ?? 0;
    perSubnet.set(subnetId, index + 1);
    return {
      id: `eni-0b${stableHex(`${cluster.arn}#${i + 1}`, 15)}`,
      accountId: cluster.accountId,
      region: cluster.region,
      subnetId,
      vpcId: subnet?.vpcId ?? "",
      privateIpAddress: subnet ? hostAddress(subnet.cidrBlock, BROKER_HOST_OFFSET + index) : "",
      securityGroupIds: [...cluster.securityGroups],
      description: `MSK broker ${i + 1} of ${cluster.name}`,
      interfaceType: "interface",
      requesterManaged: false,
      tags: [],
      brokerId: i + 1,
    };
  });
}

/** Every ENI in the world: those made with CreateNetworkInterface and every cluster's broker ENIs. */
export function allInterfaces(state: SandboxState): NetworkInterface[] {
  return [...Object.values(state.networkInterfaces ?? {}), ...Object.values(state.clusters).flatMap((c) => brokerInterfaces(state, c))];
}

export function findInterface(state: SandboxState, id: string): NetworkInterface | undefined {
  return allInterfaces(state).find((e) => e.id === id);
}

function nextFreeAddress(state: SandboxState, subnetId: string, cidr: string): string {
  const used = new Set(allInterfaces(state).filter((e) => e.subnetId === subnetId).map((e) => e.privateIpAddress));
  const range = parseCidr(cidr);
  const last = range ? range.base + 2 ** (32 - range.prefix) - 2 : 0;
  for (let offset = CREATED_HOST_OFFSET; range && range.base + offset <= last; offset++) {
    const candidate = hostAddress(cidr, offset);
    if (!used.has(candidate)) return candidate;
  }
  throw awsError("InsufficientFreeAddressesInSubnet", `The subnet ${subnetId} has no free IPv4 addresses.`);
}

/** CreateNetworkInterface: in one of the caller's subnets, with the caller's security groups of that VPC. */
export function createNetworkInterface(ctx: RequestContext, q: QueryNode): XmlObject {
  const state = ctx.world.state;
  const subnet = findMine(ctx, state.subnets, qRequired(q, "SubnetId"), "InvalidSubnetID.NotFound", "subnet");
  if (!subnet.cidrBlock) throw awsError("InvalidParameterValue", `The subnet ${subnet.id} has no IPv4 CIDR.`);
  const groupIds = qStrList(q, "SecurityGroupId");
  for (const groupId of groupIds) {
    const sg = state.securityGroups[groupId];
    if (!sg || !isMine(ctx, sg)) throw awsError("InvalidSecurityGroupID.NotFound", `The security group '${groupId}' does not exist`);
    if (sg.vpcId !== subnet.vpcId) {
      throw awsError("InvalidParameterValue", `Security group ${groupId} and subnet ${subnet.id} belong to different networks.`);
    }
  }
  const requested = qStr(q, "PrivateIpAddress");
  if (requested && (!cidrContains(subnet.cidrBlock, requested) || ipToNumber(requested) === undefined)) {
    throw awsError("InvalidParameterValue", `Address ${requested} is not in subnet ${subnet.id}.`);
  }
  const eni: NetworkInterface = {
    id: newId(state.counter, "eni"),
    accountId: ctx.accountId,
    region: ctx.region,
    subnetId: subnet.id,
    vpcId: subnet.vpcId,
    privateIpAddress: requested ?? nextFreeAddress(state, subnet.id, subnet.cidrBlock),
    // Without groups, EC2 gives the VPC's default group; the sandbox's VPCs have no default group, so none.
    securityGroupIds: groupIds,
    description: qStr(q, "Description") ?? "",
    interfaceType: "interface",
    requesterManaged: false,
    tags: qTagSpecifications(q, "network-interface"),
  };
  (state.networkInterfaces ??= {})[eni.id] = eni;
  return { networkInterface: interfaceXml(state, eni) };
}

export function deleteNetworkInterface(ctx: RequestContext, q: QueryNode): XmlObject {
  const id = qRequired(q, "NetworkInterfaceId");
  const state = ctx.world.state;
  const mine = state.networkInterfaces?.[id];
  if (!mine || !isMine(ctx, mine)) {
    const broker = findInterface(state, id);
    if (broker && isMine(ctx, broker)) {
      throw awsError("OperationNotPermitted", `The network interface ${id} is in use by the MSK cluster and cannot be deleted.`);
    }
    throw awsError("InvalidNetworkInterfaceID.NotFound", `The networkInterface ID '${id}' does not exist`);
  }
  delete state.networkInterfaces?.[id];
  return { return: true };
}

function interfaceXml(state: SandboxState, e: NetworkInterface): XmlObject {
  const subnet = state.subnets[e.subnetId];
  return {
    networkInterfaceId: e.id,
    subnetId: e.subnetId,
    vpcId: e.vpcId,
    availabilityZone: subnet?.availabilityZone,
    description: e.description,
    ownerId: e.accountId,
    requesterManaged: e.requesterManaged,
    status: "in-use",
    privateIpAddress: e.privateIpAddress,
    interfaceType: e.interfaceType,
    sourceDestCheck: true,
    groupSet: e.securityGroupIds.map((groupId) => ({ groupId, groupName: state.securityGroups[groupId]?.name })),
    privateIpAddressesSet: [{ privateIpAddress: e.privateIpAddress, primary: true }],
    tagSet: tagSet(e.tags),
  };
}

export function describeNetworkInterfaces(ctx: RequestContext, q: QueryNode): XmlObject {
  const state = ctx.world.state;
  const visible = allInterfaces(state).filter((e) => isMine(ctx, e));
  const { page, nextToken } = describeItems(
    q,
    visible,
    (e) => e.id,
    qStrList(q, "NetworkInterfaceId"),
    "InvalidNetworkInterfaceID.NotFound",
    {
      "network-interface-id": (e) => [e.id],
      "subnet-id": (e) => [e.subnetId],
      "vpc-id": (e) => [e.vpcId],
      "group-id": (e) => e.securityGroupIds,
      "addresses.private-ip-address": (e) => [e.privateIpAddress],
      "private-ip-address": (e) => [e.privateIpAddress],
      "description": (e) => [e.description],
      "owner-id": (e) => [e.accountId],
    },
  );
  return { networkInterfaceSet: page.map((e) => interfaceXml(state, e)), nextToken };
}
