import { createHash, randomBytes } from "node:crypto";
import { awsError } from "../../core/aws-error";
import type { XmlObject } from "../../protocols/xml";
import type { RequestContext } from "../../state/world";

/** The identity behind the caller's key: an assumed-role session, or the portal's own account. */
export function getCallerIdentity(ctx: RequestContext): XmlObject {
  const session = ctx.world.state.sessions[ctx.accessKeyId];
  if (session) {
    return {
      UserId: `AROA${roleIdSuffix(ctx.accountId, session.roleName)}:${session.sessionName}`,
      Account: ctx.accountId,
      Arn: `arn:aws:sts::${ctx.accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
    };
  }
  return {
    UserId: "AIDASANDBOXPORTAL0001",
    Account: ctx.accountId,
    Arn: `arn:aws:iam::${ctx.accountId}:user/msk-connectivity-portal`,
  };
}

type AssumeRoleInput = { roleArn: string; sessionName: string; externalId?: string; durationSeconds?: number };

export function assumeRole(ctx: RequestContext, input: AssumeRoleInput): XmlObject {
  const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(input.roleArn);
  if (!m || !m[1] || !m[2]) {
    throw awsError("ValidationError", `${input.roleArn} is not a valid role ARN`);
  }
  const [, accountId, roleName] = m;
  const account = ctx.world.topology.accounts.find((a) => a.id === accountId);
  // AWS does not say why AssumeRole was refused (wrong role, trust policy or external id).
  const denied = () =>
    awsError(
      "AccessDenied",
      `User: arn:aws:iam::${ctx.accountId}:user/msk-connectivity-portal is not authorized to perform: sts:AssumeRole on resource: ${input.roleArn}`,
      403,
    );
  if (!account) throw denied();
  if (roleName === account.roleName) {
    if (account.externalId !== input.externalId) throw denied();
  } else if (roleName !== account.engineerRoleName) throw denied();

  const duration = input.durationSeconds ?? 3600;
  if (duration < 900 || duration > 43_200) {
    throw awsError("ValidationError", "DurationSeconds must be between 900 and 43200");
  }
  // Random, not counter-based: sessions survive a reset, which restarts the id counter.
  const n = randomBytes(16).toString("hex");
  const accessKeyId = `ASIA${n.slice(0, 16).toUpperCase()}`;
  const expiresAt = ctx.now + duration * 1000;
  ctx.world.state.sessions[accessKeyId] = { accountId, roleName, sessionName: input.sessionName, expiresAt };
  return {
    Credentials: {
      AccessKeyId: accessKeyId,
      SecretAccessKey: createHash("sha256").update(`secret${n}`).digest("base64").slice(0, 40),
      SessionToken: `FwoGZXIvYXdzE${createHash("sha256").update(`token${n}`).digest("base64")}`,
      Expiration: new Date(expiresAt),
    },
    AssumedRoleUser: {
      AssumedRoleId: `AROA${roleIdSuffix(accountId, roleName)}:${input.sessionName}`,
      Arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${input.sessionName}`,
    },
    PackedPolicySize: 0,
  };
}

function roleIdSuffix(accountId: string, roleName: string): string {
  return createHash("sha256").update(accountId + roleName).digest("hex").slice(0, 17).toUpperCase();
}
