import "server-only";

import type { ClientLocation } from "@/lib/domain/request-input";
import { ExpectedError } from "@/lib/errors/expected-error";

import { db } from "../client";

/**
 * Registered accounts are the truth: a VPC client must be in an account an admin registered for the filing
 * team, in one of the Regions registered for it. Checked before anything is read from AWS, so a requester
 * learns nothing about an account their teams do not own (not even whether it is registered: one message
 * covers both). SaaS providers' accounts are never assumed, so they are not checked here.
 */
export async function checkClientAccount(client: ClientLocation, team: { id: string; name: string }): Promise<void> {
  if (client.type !== "aws-vpc") return;
  const account = await db().awsAccount.findUnique({
    where: { id: client.accountId },
    select: { regions: true, teams: { where: { teamId: team.id }, select: { teamId: true } } },
  });
  if (!account || account.teams.length === 0) {
    const message = `Account ${client.accountId} is not registered with the portal for ${team.name}: ask a platform admin to register it for the team`;
    throw new ExpectedError("bad-request", "Some fields need attention.", { "client.accountId": [message] });
  }
  if (!account.regions.includes(client.region)) {
    const message = `The portal does not work in ${client.region} for account ${client.accountId} (registered: ${account.regions.join(", ")}): ask a platform admin to add the Region`;
    throw new ExpectedError("bad-request", "Some fields need attention.", { "client.region": [message] });
  }
}
