import type { Env } from "./env";

// What a starting process says about the settings that decide how it behaves, so a log shows at a glance
// which database, which AWS and which worker arrangement a server ran with. Secrets never appear: a database
// URL is shown without its password.
export function effectiveSettings(
  env: Env,
  overrides: { databaseUrl?: string; awsEndpoint?: string; process?: "server" | "worker" } = {},
): string[] {
  const databaseUrl = overrides.databaseUrl ?? env.DATABASE_URL;
  const awsEndpoint = overrides.awsEndpoint ?? env.AWS_ENDPOINT_URL;
  // A separate worker always runs requests itself, whatever PROVISIONER_IN_PROCESS says of the web servers.
  const worker =
    overrides.process === "worker" || env.PROVISIONER_IN_PROCESS
      ? `in this process (concurrency ${env.PROVISIONER_CONCURRENCY})`
      : "separate `npm run worker` processes only";
  return [
    `database: ${databaseUrl ? withoutPassword(databaseUrl) : "embedded PostgreSQL (not started yet)"}`,
    `AWS: ${awsEndpoint ? `endpoint ${awsEndpoint}` : "real AWS (default endpoints)"}, default Region ${env.AWS_REGION}`,
    // Said at 1× too: whoever reads the log of a slow sandbox run should not have to know the default.
    ...(awsEndpoint ? [`sandbox time scale: ${env.SANDBOX_TIME_SCALE}×${env.SANDBOX_TIME_SCALE === 1 ? " (AWS's own durations)" : ""}`] : []),
    `provisioning worker: ${worker}; waits up to ${env.PROVISIONER_WAIT_DEADLINE_MINUTES} min for AWS`,
    `portal role: ${env.PORTAL_ROLE_NAME}${env.PORTAL_EXTERNAL_ID ? " (with external id)" : ""}`,
  ];
}

export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
