import type { World } from "../state/world";

type Bucket = Record<string, unknown[]>;

/** The whole state grouped per account and region, the way a person looks at AWS consoles. */
export function describeState(world: World): Record<string, unknown> {
  const { state, topology } = world;
  const accounts: Record<string, { name: string; regions: Record<string, Bucket> }> = {};
  const put = (accountId: string, region: string, kind: string, item: unknown) => {
    const name = topology.accounts.find((a) => a.id === accountId)?.name ?? "portal";
    const acct = (accounts[accountId] ??= { name, regions: {} });
    const reg = (acct.regions[region] ??= {});
    (reg[kind] ??= []).push(item);
  };
  for (const v of Object.values(state.vpcs)) put(v.accountId, v.region, "vpcs", v);
  for (const v of Object.values(state.subnets)) put(v.accountId, v.region, "subnets", v);
  for (const v of Object.values(state.routeTables)) put(v.accountId, v.region, "routeTables", v);
  for (const v of Object.values(state.securityGroups)) put(v.accountId, v.region, "securityGroups", v);
  for (const v of Object.values(state.peerings)) put(v.requester.accountId, v.requester.region, "vpcPeeringConnections", v);
  for (const v of Object.values(state.transitGateways)) put(v.accountId, v.region, "transitGateways", v);
  for (const v of Object.values(state.tgwRouteTables)) put(v.accountId, v.region, "transitGatewayRouteTables", v);
  for (const v of Object.values(state.tgwAttachments)) {
    const tgw = state.transitGateways[v.transitGatewayId];
    if (tgw) put(tgw.accountId, tgw.region, "transitGatewayAttachments", v);
  }
  for (const v of Object.values(state.clusters)) put(v.accountId, v.region, "mskClusters", v);
  for (const v of Object.values(state.vpcConnections)) put(v.accountId, v.region, "mskVpcConnections", v);
  for (const v of Object.values(state.resourceShares)) put(v.ownerAccountId, v.region, "resourceShares", v);
  for (const v of Object.values(state.invitations)) put(v.receiverAccountId, v.region, "resourceShareInvitations", v);
  return { portalAccountId: topology.portalAccountId, accounts };
}
