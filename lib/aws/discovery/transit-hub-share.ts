import {
  GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
  ListResourcesCommand,
} from "@aws-sdk/client-ram";
import type { TransitHub } from "@/lib/domain/plan/facts";
import { isNoAccessToAccount } from "../account-access-error";
import type { AwsAccess } from "../aws-access";
import { collectPages } from "../collect-pages";

// RAM's list calls accept at most 500 per page.
const RAM_MAX_PAGE = 500;
const ACCOUNT_ID = /^\d{12}$/;

/** Invitations are visible only to the invited account, so each is read as that account. */
async function pendingInvitationOf(
  access: AwsAccess,
  accountId: string,
  region: string,
  shareArn: string,
): Promise<{ accountId: string; invitationArn: string } | null> {
  try {
    const ram = access.ram(accountId, region);
    const invitations = await collectPages(
      (nextToken) => ram.send(new GetResourceShareInvitationsCommand({ resourceShareArns: [shareArn], nextToken })),
      (p) => p.resourceShareInvitations,
      (p) => p.nextToken,
    );
    const pending = invitations.find((i) => i.status === "PENDING" && i.resourceShareInvitationArn);
    return pending?.resourceShareInvitationArn ? { accountId, invitationArn: pending.resourceShareInvitationArn } : null;
  } catch (error) {
    // An account the portal cannot act in accepts its invitation itself; nothing to plan for it. Anything
    // else (a throttle that outlasted the SDK's retries, a 5xx, a denied call) fails discovery, so no plan is
    // made from facts it could not read.
    if (isNoAccessToAccount(error)) return null;
    throw error;
  }
}

/**
 * The RAM share holding the TGW: its principals and invitations still waiting. When several
 * active shares hold it, principals are merged (each of them sees the TGW) and the first share,
 * by ARN, is the one the planner adds accounts to.
 */
export async function discoverTgwShare(
  access: AwsAccess,
  hub: { accountId: string; region: string; transitGatewayArn: string },
): Promise<TransitHub["share"]> {
  const ram = access.ram(hub.accountId, hub.region);
  const maxResults = Math.min(access.pageSize, RAM_MAX_PAGE);
  const resources = await collectPages(
    (nextToken) =>
      ram.send(new ListResourcesCommand({ resourceOwner: "SELF", resourceArns: [hub.transitGatewayArn], maxResults, nextToken })),
    (p) => p.resources,
    (p) => p.nextToken,
  );
  const candidateArns = [...new Set(resources.map((r) => r.resourceShareArn).filter((a): a is string => Boolean(a)))];
  if (candidateArns.length === 0) return null;

  const shares = await collectPages(
    (nextToken) =>
      ram.send(
        new GetResourceSharesCommand({
          resourceOwner: "SELF",
          resourceShareArns: candidateArns,
          resourceShareStatus: "ACTIVE",
          maxResults,
          nextToken,
        }),
      ),
    (p) => p.resourceShares,
    (p) => p.nextToken,
  );
  const shareArns = shares.map((s) => s.resourceShareArn).filter((a): a is string => Boolean(a)).sort();
  const primary = shareArns[0];
  if (!primary) return null;

  const associations = await collectPages(
    (nextToken) =>
      ram.send(
        new GetResourceShareAssociationsCommand({ associationType: "PRINCIPAL", resourceShareArns: shareArns, maxResults, nextToken }),
      ),
    (p) => p.resourceShareAssociations,
    (p) => p.nextToken,
  );
  const live = associations.filter((a) => (a.status === "ASSOCIATED" || a.status === "ASSOCIATING") && a.associatedEntity);
  const principals = [...new Set(live.map((a) => a.associatedEntity ?? ""))].sort();
  // An account outside the organization stays ASSOCIATING until it accepts its invitation.
  const waiting = live.filter((a) => a.status === "ASSOCIATING" && ACCOUNT_ID.test(a.associatedEntity ?? ""));
  const invitations = await Promise.all(
    waiting.map((a) => pendingInvitationOf(access, a.associatedEntity ?? "", hub.region, a.resourceShareArn ?? primary)),
  );
  const external = shares
    .filter((s) => s.allowExternalPrincipals === true)
    .map((s) => s.resourceShareArn)
    .filter((a): a is string => Boolean(a))
    .sort()[0];
  return {
    resourceShareArn: primary,
    externalShareArn: external ?? null,
    principals,
    pendingInvitations: invitations.filter((i): i is { accountId: string; invitationArn: string } => i !== null),
  };
}
