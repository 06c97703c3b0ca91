type ErrorLike = { name?: unknown; message?: unknown; $metadata?: { requestId?: string; httpStatusCode?: number } };

/**
 * The portal could not act as an account: AssumeRole was refused or failed. Carries the STS error
 * code so error mapping still classifies it, and says what a platform engineer should check.
 */
export class AccountAccessError extends Error {
  readonly accountId: string;
  readonly roleArn: string;
  /** The STS error code, e.g. AccessDenied; kept as `code` so error mapping treats it like the SDK error. */
  readonly code: string;
  readonly $metadata: { requestId?: string; httpStatusCode?: number };
  /**
   * STS said no to the portal for this account (the role is missing, does not trust the portal, wants another
   * external id, or the Region's STS endpoint is not activated there). Only then may a caller read it as "the
   * portal cannot act in this account"; a throttle or a 5xx that outlasted the retries says nothing about the
   * account and must fail whatever asked, like any other failed call.
   */
  readonly cannotActThere: boolean;

  constructor(args: { accountId: string; roleArn: string; externalIdSent: boolean; cause: unknown }) {
    const cause = (typeof args.cause === "object" && args.cause !== null ? args.cause : {}) as ErrorLike;
    const code = typeof cause.name === "string" ? cause.name : "Error";
    const denied = code === "AccessDenied" || code === "AccessDeniedException";
    const message = denied
      ? `The portal cannot assume ${args.roleArn} in account ${args.accountId}: check that the role exists, trusts the portal's account` +
        (args.externalIdSent ? " and expects the configured external id" : " and does not require an external id")
      : `The portal could not get credentials for account ${args.accountId} through ${args.roleArn}: ${
          typeof cause.message === "string" ? cause.message : String(args.cause)
        }`;
    super(message, { cause: args.cause });
    this.name = "AccountAccessError";
    this.accountId = args.accountId;
    this.roleArn = args.roleArn;
    this.code = code;
    this.$metadata = cause.$metadata ?? {};
    this.cannotActThere = denied || code === "RegionDisabledException";
  }
}

/**
 * The portal was asked to act in an account no admin has registered (or one an admin removed). It never
 * assumes a role there: registered accounts are the only ones it touches.
 */
export class AccountNotRegisteredError extends Error {
  readonly accountId: string;
  readonly code = "AccountNotRegistered";
  readonly $metadata = {};

  constructor(accountId: string) {
    super(
      `Account ${accountId} is not registered with the portal (or was removed): the portal does not act there; ask a platform admin to register it`,
    );
    this.name = "AccountNotRegisteredError";
    this.accountId = accountId;
  }
}

/** An account the portal is not allowed into (unregistered, or STS refuses it): never a transient failure. */
export function isNoAccessToAccount(error: unknown): error is AccountAccessError | AccountNotRegisteredError {
  return error instanceof AccountNotRegisteredError || (error instanceof AccountAccessError && error.cannotActThere);
}
