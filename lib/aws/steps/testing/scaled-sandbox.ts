import { startSandbox, type RunningSandbox } from "@/lib/sandbox";
import { createAwsAccess, type AwsAccess } from "../../aws-access";
import { PORTAL_KEYS } from "../../testing/sandbox-access";

/** A sandbox with slower transitions than the shared one, to catch AWS mid-transition. */
export async function startScaledSandbox(timeScale: number): Promise<{ sandbox: RunningSandbox; access: AwsAccess; close(): Promise<void> }> {
  const sandbox = await startSandbox({ port: 0, timeScale });
  const access = createAwsAccess({
    endpoint: sandbox.url,
    homeRegion: "us-east-1",
    roleNameOrArn: () => "MskConnectivityPortal",
    externalId: () => "msk-portal-dev",
    baseCredentials: () => Promise.resolve(PORTAL_KEYS),
  });
  return {
    sandbox,
    access,
    close: async () => {
      access.destroy();
      await sandbox.close();
    },
  };
}
