import type { Path, Report } from "./check-references";
import type { ParsedTopology } from "./schema";
import { arnParts, type TopologyIndex } from "./topology-index";

const SCHEME = { SASL_IAM: "iam", SASL_SCRAM: "scram", TLS: "tls" } as const;

/** RAM shares hold their owner's transit gateways; MSK VPC connections name a cluster and the client's own network. */
export function checkServiceReferences(t: ParsedTopology, index: TopologyIndex, report: Report): void {
  const orgOf = (accountId: string) => t.accounts.find((x) => x.id === accountId)?.organizationId;
  const sharingOrg = (a: string, b: string) =>
    orgOf(a) !== undefined && orgOf(a) === orgOf(b) && t.organizations.some((o) => o.id === orgOf(a) && o.ramSharingEnabled);

  t.accounts.forEach((account, a) => {
    account.resourceShares.forEach((share, k) => {
      const here: Path = ["accounts", a, "resourceShares", k];
      const { region, accountId } = arnParts(share.arn);
      if (accountId !== account.id) report([...here, "arn"], `the share's ARN names account ${accountId}, not its owner ${account.id}`);
      share.resourceArns.forEach((arn, r) => {
        const tgw = index.transitGateways.get(/:transit-gateway\/(tgw-[0-9a-f]+)$/.exec(arn)?.[1] ?? "");
        if (!tgw || tgw.accountId !== account.id || tgw.region !== region || !arn.startsWith(`arn:aws:ec2:${region}:${account.id}:`)) {
          report([...here, "resourceArns", r], `${arn} is not a transit gateway of ${account.id} in ${region}`);
        }
      });
      share.principals.forEach((p, i) => {
        const at: Path = [...here, "principals", i];
        if (p.accountId === account.id) report([...at, "accountId"], "a share's owner is not one of its principals");
        const internal = sharingOrg(account.id, p.accountId);
        if (internal && (p.invitationStatus || p.invitationArn)) {
          report([...at, "invitationStatus"], `${p.accountId} is in the owner's Organization with RAM sharing on: it gets no invitation`);
        }
        if (!internal && !share.allowExternalPrincipals) report([...at, "accountId"], `${p.accountId} is outside the Organization and the share does not allow external principals`);
        const inv = p.invitationArn ? arnParts(p.invitationArn) : undefined;
        if (inv && (inv.accountId !== account.id || inv.region !== region)) {
          report([...at, "invitationArn"], `an invitation's ARN names the sender ${account.id} and the share's Region ${region}`);
        }
      });
    });

    account.vpcConnections.forEach((conn, k) => {
      const here: Path = ["accounts", a, "vpcConnections", k];
      const cluster = index.clusters.get(conn.clusterArn);
      if (!cluster) {
        report([...here, "clusterArn"], `${conn.clusterArn} is not a cluster of this topology`);
        return;
      }
      const { region, accountId } = arnParts(conn.arn);
      const [, owner, name] = conn.arn.split("/");
      if (accountId !== account.id || region !== cluster.region || owner !== cluster.accountId || name !== cluster.item.name) {
        report([...here, "arn"], `expected arn:aws:kafka:${cluster.region}:${account.id}:vpc-connection/${cluster.accountId}/${cluster.item.name}/UUID`);
      }
      if (!cluster.item.multiVpcConnectivity[SCHEME[conn.authentication]]) {
        report([...here, "authentication"], `multi-VPC connectivity is not on for ${conn.authentication} on ${cluster.item.name}`);
      }
      const vpc = index.vpcs.get(conn.vpcId);
      if (!vpc || vpc.accountId !== account.id || vpc.region !== cluster.region) {
        report([...here, "vpcId"], `${conn.vpcId} is not a VPC of ${account.id} in ${cluster.region}`);
      }
      const zones = cluster.item.brokerSubnetIds.map((id) => index.subnets.get(id)?.item.availabilityZoneId);
      conn.subnetIds.forEach((id, s) => {
        const subnet = index.subnets.get(id);
        if (!subnet || subnet.vpcId !== conn.vpcId) report([...here, "subnetIds", s], `${id} is not a subnet of ${conn.vpcId}`);
        else if (!zones.includes(subnet.item.availabilityZoneId)) report([...here, "subnetIds", s], `${id} is not in one of the cluster's zones`);
      });
      conn.securityGroupIds.forEach((id, s) => {
        if (index.securityGroups.get(id)?.vpcId !== conn.vpcId) report([...here, "securityGroupIds", s], `${id} is not a security group of ${conn.vpcId}`);
      });
    });
  });
}
