import { DirectConnectClient } from "@aws-sdk/client-direct-connect";
import { EC2Client } from "@aws-sdk/client-ec2";
import { KafkaClient } from "@aws-sdk/client-kafka";
import { RAMClient } from "@aws-sdk/client-ram";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { createAssumeRoleCredentials, type AwsCredentials, type AwsCredentialsProvider } from "./assume-role-credentials";
import { callContextPlugin, type PortalCall } from "./call-context";
import { callLogPlugin } from "./call-log";
import { DEFAULT_PAGE_SIZE } from "./collect-pages";

export type AwsAccessOptions = {
  /** Sandbox, LocalStack or moto URL; unset means real AWS. */
  endpoint?: string;
  /** Where STS is called and the portal's own identity lives. */
  homeRegion: string;
  /** A role name (turned into an ARN in the account) or a full role ARN. */
  roleNameOrArn: (accountId: string) => string;
  externalId?: (accountId: string) => string | undefined;
  sessionName?: string;
  /** The portal's own identity; unset means the SDK's default credential chain. */
  baseCredentials?: AwsCredentialsProvider;
  maxAttempts?: number;
  /** MaxResults for paged describe calls. */
  pageSize?: number;
  durationSeconds?: number;
  now?: () => number;
};

export type AwsAccess = {
  ec2(accountId: string, region: string): EC2Client;
  ram(accountId: string, region: string): RAMClient;
  kafka(accountId: string, region: string): KafkaClient;
  directConnect(accountId: string, region: string): DirectConnectClient;
  /** STS in the home region with the portal's own credentials. */
  sts(): STSClient;
  /** The account the base credentials belong to (GetCallerIdentity, asked once). */
  portalAccountId(): Promise<string>;
  credentialsFor(accountId: string): Promise<AwsCredentials>;
  readonly pageSize: number;
  /** Closes every cached client's sockets. */
  destroy(): void;
};

// Adaptive mode adds client-side rate limiting on top of backoff, which is what EC2's
// account-wide request throttling wants when many plans run at once.
const DEFAULT_MAX_ATTEMPTS = 6;

type Service = "ec2" | "ram" | "kafka" | "directconnect";
type AnyClient = EC2Client | RAMClient | KafkaClient | DirectConnectClient;

export function roleArnFor(roleNameOrArn: string, accountId: string, region: string): string {
  if (roleNameOrArn.startsWith("arn:")) return roleNameOrArn;
  const partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  return `arn:${partition}:iam::${accountId}:role/${roleNameOrArn.replace(/^\/+/, "")}`;
}

/** SDK clients per (service, account, region), acting as each account through an assumed role. */
export function createAwsAccess(options: AwsAccessOptions): AwsAccess {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const common = {
    maxAttempts,
    retryMode: "adaptive",
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  };
  const base = options.baseCredentials;
  let stsClient: STSClient | undefined;
  const sts = (): STSClient => {
    if (stsClient) return stsClient;
    stsClient = new STSClient({ ...common, region: options.homeRegion, ...(base ? { credentials: base } : {}) });
    stsClient.middlewareStack.use(callLogPlugin({ service: "sts", region: options.homeRegion }));
    return stsClient;
  };

  let callerAccount: Promise<string> | undefined;
  const portalAccountId = (): Promise<string> => {
    callerAccount ??= sts()
      .send(new GetCallerIdentityCommand({}))
      .then((out) => {
        if (!out.Account) throw new Error("STS GetCallerIdentity returned no account");
        return out.Account;
      })
      .catch((error: unknown) => {
        // A failed lookup must not stick: the next call asks again.
        callerAccount = undefined;
        throw error;
      });
    return callerAccount;
  };

  const assumed = createAssumeRoleCredentials({
    sts,
    roleArn: (accountId) => roleArnFor(options.roleNameOrArn(accountId), accountId, options.homeRegion),
    externalId: (accountId) => options.externalId?.(accountId),
    sessionName: options.sessionName ?? "msk-portal",
    durationSeconds: options.durationSeconds ?? 3600,
    now: options.now ?? Date.now,
  });

  const credentialsFor = async (accountId: string): Promise<AwsCredentials> => {
    if ((await portalAccountId()) === accountId) {
      if (base) return base();
      // The default chain, resolved the same way the STS client resolved it.
      const own = await sts().config.credentials();
      return own;
    }
    return assumed(accountId);
  };

  const clients = new Map<string, AnyClient>();
  function client<T extends AnyClient>(
    service: Service,
    accountId: string,
    region: string,
    make: (
      config: typeof common & { region: string; credentials: AwsCredentialsProvider },
      call: Omit<PortalCall, "operation">,
    ) => T,
  ): T {
    const key = `${service}|${accountId}|${region}`;
    const existing = clients.get(key);
    if (existing) return existing as T;
    const roleArn = roleArnFor(options.roleNameOrArn(accountId), accountId, options.homeRegion);
    const created = make(
      { ...common, region, credentials: () => credentialsFor(accountId) },
      { service, accountId, region, roleArn },
    );
    clients.set(key, created);
    return created;
  }

  return {
    // Every error a client throws names its call, so an access denial can name the role and the action.
    ec2: (accountId, region) =>
      client("ec2", accountId, region, (c, call) => {
        const ec2 = new EC2Client(c);
        ec2.middlewareStack.use(callContextPlugin(call));
        ec2.middlewareStack.use(callLogPlugin(call));
        return ec2;
      }),
    ram: (accountId, region) =>
      client("ram", accountId, region, (c, call) => {
        const ram = new RAMClient(c);
        ram.middlewareStack.use(callContextPlugin(call));
        ram.middlewareStack.use(callLogPlugin(call));
        return ram;
      }),
    kafka: (accountId, region) =>
      client("kafka", accountId, region, (c, call) => {
        const kafka = new KafkaClient(c);
        kafka.middlewareStack.use(callContextPlugin(call));
        kafka.middlewareStack.use(callLogPlugin(call));
        return kafka;
      }),
    directConnect: (accountId, region) =>
      client("directconnect", accountId, region, (c, call) => {
        const dx = new DirectConnectClient(c);
        dx.middlewareStack.use(callContextPlugin(call));
        dx.middlewareStack.use(callLogPlugin(call));
        return dx;
      }),
    sts,
    portalAccountId,
    credentialsFor,
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    destroy() {
      for (const c of clients.values()) c.destroy();
      clients.clear();
      stsClient?.destroy();
      stsClient = undefined;
    },
  };
}
