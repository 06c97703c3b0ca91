import { AWS_DELAYS, dueAfter, type Clock } from "../core/clock";
import { newUuid } from "../core/ids";
import type { MskVpcConnection, ResourceShare, SandboxState, Tag } from "../state/types";
import type { ParsedTopology } from "./schema";
import { arnParts } from "./topology-index";

const tagList = (tags: Record<string, string>): Tag[] => Object.entries(tags).map(([key, value]) => ({ key, value }));

type Principal = ResourceShare["principals"][number];

/**
 * RAM shares and their invitations. Inside the owner's Organization (sharing on) a principal is associated
 * at once; outside it waits on its invitation: ASSOCIATING while PENDING, ASSOCIATED once ACCEPTED.
 */
function seedShares(s: SandboxState, topology: ParsedTopology, now: number): void {
  const orgOf = (id: string) => topology.accounts.find((a) => a.id === id)?.organizationId;
  const sharing = (org: string | undefined) => org !== undefined && topology.organizations.some((o) => o.id === org && o.ramSharingEnabled);
  for (const account of topology.accounts) {
    for (const share of account.resourceShares) {
      const { region } = arnParts(share.arn);
      const deleted = share.status === "DELETED";
      const principals = share.principals.map((p): Principal => {
        const internal = sharing(orgOf(account.id)) && orgOf(p.accountId) === orgOf(account.id);
        const status: Principal["status"] = deleted
          ? "DISASSOCIATED"
          : internal || p.invitationStatus === "ACCEPTED"
            ? "ASSOCIATED"
            : p.invitationStatus === "REJECTED"
              ? "DISASSOCIATED"
              : "ASSOCIATING";
        if (!internal) {
          const arn = p.invitationArn ?? `arn:aws:ram:${region}:${account.id}:resource-share-invitation/${newUuid(s.counter)}`;
          s.invitations[arn] = {
            arn,
            shareArn: share.arn,
            senderAccountId: account.id,
            receiverAccountId: p.accountId,
            region,
            status: p.invitationStatus ?? "PENDING",
            createdAt: now,
          };
        }
        return { accountId: p.accountId, status, external: !internal, createdAt: now, updatedAt: now };
      });
      s.resourceShares[share.arn] = {
        arn: share.arn,
        name: share.name,
        ownerAccountId: account.id,
        region,
        allowExternalPrincipals: share.allowExternalPrincipals,
        status: share.status,
        createdAt: now,
        updatedAt: now,
        tags: tagList(share.tags),
        resources: share.resourceArns.map((arn) => ({ arn, status: deleted ? "DISASSOCIATED" : "ASSOCIATED", createdAt: now, updatedAt: now })),
        principals,
      };
    }
  }
}

const DUE: Partial<Record<MskVpcConnection["state"], number>> = {
  CREATING: AWS_DELAYS.mskVpcConnection,
  DELETING: AWS_DELAYS.mskVpcConnectionDelete,
  REJECTING: AWS_DELAYS.mskVpcConnectionDelete,
};

/** MSK multi-VPC connections the client accounts made; a transitional state runs on from the seeding moment. */
function seedVpcConnections(s: SandboxState, topology: ParsedTopology, clock: Clock): void {
  for (const account of topology.accounts) {
    for (const c of account.vpcConnections) {
      const delay = DUE[c.state];
      s.vpcConnections[c.arn] = {
        arn: c.arn,
        clusterArn: c.clusterArn,
        accountId: account.id,
        region: arnParts(c.arn).region,
        vpcId: c.vpcId,
        subnets: c.subnetIds,
        securityGroups: c.securityGroupIds,
        authentication: c.authentication,
        state: c.state,
        dueAt: delay === undefined ? undefined : dueAfter(clock, delay),
        createdAt: clock.now(),
        tags: c.tags,
      };
    }
  }
}

export function seedExistingServices(s: SandboxState, topology: ParsedTopology, clock: Clock): void {
  seedShares(s, topology, clock.now());
  seedVpcConnections(s, topology, clock);
}
