import { GetResourceSharesCommand } from "@aws-sdk/client-ram";

import type { AwsAccess } from "../aws-access";
import { callLog } from "../steps/support/call-log";
import { isNotFound } from "../steps/support/errors";
import { liveAssociation, shareAssociations } from "../steps/support/ram";
import type { ReliedOnCheck, ReliedOnContext } from "./relied-on-types";

const SHARE_ARN = /^arn:[a-z-]+:ram:([a-z0-9-]+):(\d{12}):resource-share\/[^|]+$/;

/** Whether an id is a RAM share's ARN; the ARN names the owner's account and Region, where the share is read. */
export function shareHome(arn: string): { account: string; region: string } | null {
  const m = SHARE_ARN.exec(arn);
  return m?.[1] && m[2] ? { region: m[1], account: m[2] } : null;
}

/** The share that makes the TGW visible to the client's or cluster's account. */
export async function checkShare(access: AwsAccess, arn: string): Promise<ReliedOnCheck> {
  const summary = `RAM share ${arn} (relied on)`;
  const home = shareHome(arn);
  if (!home) return { summary, problem: `${arn} is not a RAM share ARN` };
  const status = await shareStatus(access, arn, home);
  return { summary, problem: status === "ACTIVE" ? null : `RAM share ${arn} is ${status ?? "gone"}` };
}

async function shareStatus(access: AwsAccess, arn: string, home: { account: string; region: string }): Promise<string | null> {
  try {
    const ram = access.ram(home.account, home.region);
    const out = await callLog().run(ram.send(new GetResourceSharesCommand({ resourceOwner: "SELF", resourceShareArns: [arn] })));
    return out.resourceShares?.find((s) => s.resourceShareArn === arn)?.status ?? null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** The account is still a principal of the share: itself, or through the organization it belongs to. */
export async function checkSharePrincipal(access: AwsAccess, arn: string, accountId: string, ctx: ReliedOnContext): Promise<ReliedOnCheck> {
  const summary = `account ${accountId} in RAM share ${arn} (relied on)`;
  const home = shareHome(arn);
  if (!home) return { summary, problem: `${arn} is not a RAM share ARN` };
  const associations = await shareAssociations(access.ram(home.account, home.region), callLog(), arn, "PRINCIPAL", access.pageSize).catch(
    (error: unknown) => {
      if (isNotFound(error)) return [];
      throw error;
    },
  );
  const org = ctx.organization;
  const viaOrg = org !== null && org.accountIds.includes(accountId) && liveAssociation(associations, org.arn) !== undefined;
  const held = liveAssociation(associations, accountId) !== undefined || viaOrg;
  return { summary, problem: held ? null : `Account ${accountId} is no longer a principal of RAM share ${arn}` };
}
