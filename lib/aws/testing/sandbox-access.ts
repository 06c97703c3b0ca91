import { startSandbox, type CallRecord, type RunningSandbox, type SandboxTopology } from "@/lib/sandbox";
import { createAwsAccess, type AwsAccess, type AwsAccessOptions } from "../aws-access";

/** Any key the sandbox did not issue acts as the portal's own account. */
export const PORTAL_KEYS = { accessKeyId: "AKIAPORTALTEST000001", secretAccessKey: "portal-test-secret" };

export type SandboxAccess = {
  sandbox: RunningSandbox;
  access: AwsAccess;
  /** Another AwsAccess against the same sandbox, e.g. with a wrong external id. */
  accessWith(overrides: Partial<AwsAccessOptions>): AwsAccess;
  calls(): Promise<CallRecord[]>;
  clearCalls(): Promise<void>;
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
};

/** A sandbox in this process and the portal's AWS access pointed at it, as the dev setup wires them. */
export async function startSandboxAccess(
  options: { topology?: SandboxTopology; access?: Partial<AwsAccessOptions> } = {},
): Promise<SandboxAccess> {
  const sandbox = await startSandbox({ port: 0, timeScale: 0.001, ...(options.topology ? { topology: options.topology } : {}) });
  const made: AwsAccess[] = [];
  const accessWith = (overrides: Partial<AwsAccessOptions>): AwsAccess => {
    const access = createAwsAccess({
      endpoint: sandbox.url,
      homeRegion: "us-east-1",
      roleNameOrArn: () => "MskConnectivityPortal",
      externalId: () => "msk-portal-dev",
      baseCredentials: () => Promise.resolve(PORTAL_KEYS),
      ...options.access,
      ...overrides,
    });
    made.push(access);
    return access;
  };
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return res.json();
  };
  return {
    sandbox,
    access: accessWith({}),
    accessWith,
    calls: async () => (await control("GET", "/_sandbox/calls")) as CallRecord[],
    clearCalls: async () => {
      await control("DELETE", "/_sandbox/calls");
    },
    control,
    close: async () => {
      for (const a of made) a.destroy();
      await sandbox.close();
    },
  };
}
