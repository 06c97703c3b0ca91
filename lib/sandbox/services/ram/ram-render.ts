import type { ResourceShare, ResourceShareInvitation } from "../../state/types";

// RAM's JSON timestamps are epoch seconds (the SDK model's default timestamp format for REST-JSON).
export const epoch = (ms: number) => ms / 1000;

export function shareJson(s: ResourceShare) {
  return {
    resourceShareArn: s.arn,
    name: s.name,
    owningAccountId: s.ownerAccountId,
    allowExternalPrincipals: s.allowExternalPrincipals,
    status: s.status,
    creationTime: epoch(s.createdAt),
    lastUpdatedTime: epoch(s.updatedAt),
    featureSet: "STANDARD",
    tags: s.tags,
  };
}

export type AssociationRow = {
  share: ResourceShare;
  entity: string;
  type: "PRINCIPAL" | "RESOURCE";
  status: string;
  external: boolean;
  createdAt: number;
  updatedAt: number;
};

export function associationRows(s: ResourceShare): AssociationRow[] {
  return [
    ...s.principals.map((p) => ({
      share: s,
      entity: p.accountId,
      type: "PRINCIPAL" as const,
      status: p.status,
      external: p.external,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    })),
    ...s.resources.map((r) => ({
      share: s,
      entity: r.arn,
      type: "RESOURCE" as const,
      status: r.status,
      external: false,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
  ];
}

export function associationJson(a: AssociationRow) {
  return {
    resourceShareArn: a.share.arn,
    resourceShareName: a.share.name,
    associatedEntity: a.entity,
    associationType: a.type,
    status: a.status,
    creationTime: epoch(a.createdAt),
    lastUpdatedTime: epoch(a.updatedAt),
    external: a.external,
  };
}

export function invitationJson(i: ResourceShareInvitation, share: ResourceShare | undefined) {
  return {
    resourceShareInvitationArn: i.arn,
    resourceShareName: share?.name,
    resourceShareArn: i.shareArn,
    senderAccountId: i.senderAccountId,
    receiverAccountId: i.receiverAccountId,
    invitationTimestamp: epoch(i.createdAt),
    status: i.status,
  };
}
