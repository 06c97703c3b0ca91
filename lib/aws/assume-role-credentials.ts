import { AssumeRoleCommand, type STSClient } from "@aws-sdk/client-sts";
import { AccountAccessError } from "./account-access-error";

/** Structurally the SDK's AwsCredentialIdentity, so it can be handed to any v3 client. */
export type AwsCredentials = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
};
export type AwsCredentialsProvider = () => Promise<AwsCredentials>;

/** Refresh this long before expiry so a long describe/execute run never signs with a dying key. */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60 * 1000;

export type AssumeRoleSettings = {
  sts: () => STSClient;
  roleArn: (accountId: string) => string;
  externalId: (accountId: string) => string | undefined;
  sessionName: string;
  durationSeconds: number;
  now: () => number;
};

type Cached = { credentials: AwsCredentials; expiresAt: number };

/**
 * Per-account credentials from STS AssumeRole, cached until shortly before they expire. Concurrent
 * callers for one account share one in-flight AssumeRole instead of each asking STS.
 */
export function createAssumeRoleCredentials(settings: AssumeRoleSettings): (accountId: string) => Promise<AwsCredentials> {
  const cache = new Map<string, Cached>();
  const inFlight = new Map<string, Promise<AwsCredentials>>();

  async function assume(accountId: string): Promise<AwsCredentials> {
    const roleArn = settings.roleArn(accountId);
    const externalId = settings.externalId(accountId);
    try {
      const out = await settings.sts().send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: settings.sessionName,
          DurationSeconds: settings.durationSeconds,
          ...(externalId ? { ExternalId: externalId } : {}),
        }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) {
        throw new Error(`STS AssumeRole for ${roleArn} returned no credentials`);
      }
      const expiration = c.Expiration ? new Date(c.Expiration) : undefined;
      const credentials: AwsCredentials = {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
        ...(expiration ? { expiration } : {}),
      };
      const expiresAt = expiration?.getTime() ?? settings.now() + settings.durationSeconds * 1000;
      cache.set(accountId, { credentials, expiresAt });
      return credentials;
    } catch (error) {
      throw new AccountAccessError({ accountId, roleArn, externalIdSent: externalId !== undefined, cause: error });
    }
  }

  return (accountId) => {
    const cached = cache.get(accountId);
    if (cached && settings.now() < cached.expiresAt - REFRESH_BEFORE_EXPIRY_MS) {
      return Promise.resolve(cached.credentials);
    }
    const pending = inFlight.get(accountId);
    if (pending) return pending;
    const started = assume(accountId).finally(() => inFlight.delete(accountId));
    inFlight.set(accountId, started);
    return started;
  };
}
