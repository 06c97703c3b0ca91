import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";

import type { AwsAccess } from "./aws-access";

export type PortalIdentity = { accountId: string; arn: string };

/**
 * Who the portal is to AWS right now, through the same credential chain and endpoint as every other call.
 * Asked fresh each time (portalAccountId() remembers its first answer), with a deadline so a probe never hangs
 * on an endpoint that does not answer.
 */
export async function portalIdentity(access: AwsAccess, timeoutMs = 5_000): Promise<PortalIdentity> {
  const out = await access.sts().send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.timeout(timeoutMs) });
  if (!out.Account || !out.Arn) throw new Error("STS GetCallerIdentity returned no account");
  return { accountId: out.Account, arn: out.Arn };
}
