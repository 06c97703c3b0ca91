// Next calls register() once when a server process starts. NEXT_RUNTIME is set by Next itself (not
// configuration): the worker needs Node's runtime, never the edge one.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Validate every setting now, so a bad one (or the development sign-in in production) stops the server at
  // start with a message naming the variable. Next only logs an error thrown here and keeps serving, which
  // would leave a server up that fails every request: so the process ends instead.
  const { config, ConfigError } = await import("./lib/config");
  try {
    config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const { startInProcessWorker } = await import("./lib/provisioner/in-process-worker");
  await startInProcessWorker();
}
