import {
  GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
  ListResourcesCommand,
  type RAMClient,
  type ResourceShare,
  type ResourceShareAssociation,
  type ResourceShareInvitation,
} from "@aws-sdk/client-ram";
import { collectPages } from "../../collect-pages";
import type { StepContext } from "../step-executor";
import type { CallLog } from "./call-log";
import { isNotFound } from "./errors";
import { ourTags, ramCarriesOurTags } from "./tags";

const LIVE_ASSOCIATION = ["ASSOCIATING", "ASSOCIATED"];

export async function ownShare(ram: RAMClient, log: CallLog, arn: string): Promise<ResourceShare | null> {
  try {
    const out = await log.run(ram.send(new GetResourceSharesCommand({ resourceOwner: "SELF", resourceShareArns: [arn] })));
    return out.resourceShares?.find((s) => s.resourceShareArn === arn && s.status === "ACTIVE") ?? null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Active shares this step made; the tags are checked here too, as not every endpoint filters by them. */
export async function taggedShares(ctx: StepContext, ram: RAMClient, log: CallLog, pageSize: number): Promise<ResourceShare[]> {
  const shares = await collectPages(
    (nextToken) =>
      log.run(
        ram.send(
          new GetResourceSharesCommand({
            resourceOwner: "SELF",
            resourceShareStatus: "ACTIVE",
            tagFilters: ourTags(ctx).map((t) => ({ tagKey: t.Key, tagValues: [t.Value] })),
            maxResults: pageSize,
            nextToken,
          }),
        ),
      ),
    (p) => p.resourceShares,
    (p) => p.nextToken,
  );
  return shares.filter((s) => s.status === "ACTIVE" && ramCarriesOurTags(ctx, s.tags));
}

export async function shareAssociations(
  ram: RAMClient,
  log: CallLog,
  arn: string,
  type: "PRINCIPAL" | "RESOURCE",
  pageSize: number,
): Promise<ResourceShareAssociation[]> {
  return collectPages(
    (nextToken) =>
      log.run(
        ram.send(
          new GetResourceShareAssociationsCommand({ associationType: type, resourceShareArns: [arn], maxResults: pageSize, nextToken }),
        ),
      ),
    (p) => p.resourceShareAssociations,
    (p) => p.nextToken,
  );
}

export function liveAssociation(associations: readonly ResourceShareAssociation[], entity: string): ResourceShareAssociation | undefined {
  return associations.find((a) => a.associatedEntity === entity && LIVE_ASSOCIATION.includes(a.status ?? ""));
}

/** A share of this owner that already gives `principal` the resource, whoever made it. */
export async function shareGiving(ram: RAMClient, log: CallLog, principal: string, resourceArn: string): Promise<string | null> {
  const out = await log.run(
    ram.send(new ListResourcesCommand({ resourceOwner: "SELF", principal, resourceArns: [resourceArn] })),
  );
  return out.resources?.find((r) => r.arn === resourceArn && r.resourceShareArn)?.resourceShareArn ?? null;
}

/** The invitation `receiver` got for the share, read in the receiving account (CreateResourceShare does not return it). */
export async function invitationFor(
  ram: RAMClient,
  log: CallLog,
  shareArn: string,
  receiver: string,
): Promise<ResourceShareInvitation | null> {
  const out = await log.run(ram.send(new GetResourceShareInvitationsCommand({ resourceShareArns: [shareArn] })));
  const mine = (out.resourceShareInvitations ?? []).filter((i) => i.receiverAccountId === receiver || i.receiverAccountId === undefined);
  return mine.find((i) => i.status === "PENDING") ?? mine.find((i) => i.status === "ACCEPTED") ?? null;
}
