import { EC2Client } from "@aws-sdk/client-ec2";
import { KafkaClient } from "@aws-sdk/client-kafka";
import { RAMClient } from "@aws-sdk/client-ram";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { DEFAULT_TOPOLOGY, startSandbox, type RunningSandbox, type SandboxOptions, type SandboxTopology } from "../index";

export type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/** The portal's own credentials: any key the sandbox did not issue. */
export const PORTAL_CREDENTIALS: Credentials = { accessKeyId: "AKIAPORTAL0000000001", secretAccessKey: "portal-secret" };

export const ACCOUNTS = {
  msk: "111111111111",
  apps: "222222222222",
  transit: "333333333333",
  saas: "444444444444",
} as const;

export type Harness = {
  sandbox: RunningSandbox;
  sts(credentials?: Credentials, region?: string): STSClient;
  ec2(credentials: Credentials, region?: string, maxAttempts?: number): EC2Client;
  kafka(credentials: Credentials, region?: string, maxAttempts?: number): KafkaClient;
  ram(credentials: Credentials, region?: string, maxAttempts?: number): RAMClient;
  assume(accountId: string): Promise<Credentials>;
  control(method: string, path: string, body?: unknown): Promise<unknown>;
};

/**
 * The default topology with roles that may do anything: conformance tests probe AWS's own behaviour
 * (wrong-account calls, direct tagging) that the portal's least-privilege roles rightly refuse.
 * The role policies themselves are tested in iam.test.ts.
 */
export const UNRESTRICTED_TOPOLOGY: SandboxTopology = {
  ...DEFAULT_TOPOLOGY,
  accounts: DEFAULT_TOPOLOGY.accounts.map((account) => ({ ...account, roleKind: undefined })),
};

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, timeScale: 0.001, topology: UNRESTRICTED_TOPOLOGY, ...options });
  const endpoint = sandbox.url;
  const common = (credentials: Credentials, region: string, maxAttempts = 1) => ({
    region,
    endpoint,
    credentials,
    maxAttempts,
  });
  const sts = (credentials: Credentials = PORTAL_CREDENTIALS, region = "us-east-1") => new STSClient(common(credentials, region));
  const cache = new Map<string, Credentials>();
  return {
    sandbox,
    sts,
    ec2: (c, region = "us-east-1", maxAttempts) => new EC2Client(common(c, region, maxAttempts)),
    kafka: (c, region = "us-east-1", maxAttempts) => new KafkaClient(common(c, region, maxAttempts)),
    ram: (c, region = "us-east-1", maxAttempts) => new RAMClient(common(c, region, maxAttempts)),
    async assume(accountId) {
      const cached = cache.get(accountId);
      if (cached) return cached;
      const out = await sts().send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${accountId}:role/MskConnectivityPortal`,
          RoleSessionName: "conformance",
          ExternalId: "msk-portal-dev",
        }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error("AssumeRole returned no credentials");
      const creds = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
      cache.set(accountId, creds);
      return creds;
    },
    async control(method, path, body) {
      const res = await fetch(`${endpoint}${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await res.json()) as unknown;
    },
  };
}

/** Waits, polling, until `check` passes; transitions are driven by scaled time. */
export async function eventually<T>(fn: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (check(v)) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The error an SDK call rejected with, for asserting AWS error codes. */
export async function errorOf(p: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
  }
  throw new Error("expected the call to fail");
}

/** "ok" when the call succeeds, else the error's name: for polling until a call starts or stops failing. */
export async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return (e as { name: string }).name;
  }
}
