import { loadTopologyFile, startSandbox, type SandboxTopology } from "@/lib/sandbox";

/**
 * Runs the local AWS sandbox as its own process.
 *   SANDBOX_PORT        port (default 4566)
 *   SANDBOX_HOST        interface (default 127.0.0.1)
 *   SANDBOX_TIME_SCALE  multiplies AWS's delays (default 1)
 *   SANDBOX_TOPOLOGY    path to a topology JSON file (default: the built-in demo topology)
 *   SANDBOX_STATE_FILE  optional JSON file to persist state in
 */
function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(1);
}

function number(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) fail(`${name} must be a non-negative number, got "${raw}"`);
  return n;
}

function loadTopology(path: string | undefined): SandboxTopology | undefined {
  if (!path) return undefined;
  try {
    return loadTopologyFile(path);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({
    port: number("SANDBOX_PORT", 4566),
    host: process.env.SANDBOX_HOST || "127.0.0.1",
    timeScale: number("SANDBOX_TIME_SCALE", 1),
    topology: loadTopology(process.env.SANDBOX_TOPOLOGY),
    stateFile: process.env.SANDBOX_STATE_FILE || undefined,
  });
  console.log(`sandbox: AWS sandbox listening on ${sandbox.url} (control API at ${sandbox.url}/_sandbox/health)`);
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
