// Next calls register() once when a server process starts. NEXT_RUNTIME is set by Next itself (not
// configuration): the worker needs Node's runtime, never the edge one.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Validate every setting now, so a bad one (or the development sign-in in production) stops the server at
  // start with a message naming the variable, not at the first request.
  const { config } = await import("./lib/config");
  config();
  const { startInProcessWorker } = await import("./lib/provisioner/in-process-worker");
  await startInProcessWorker();
}
