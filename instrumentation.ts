// Next calls register() once when a server process starts. NEXT_RUNTIME is set by Next itself (not
// configuration): the worker needs Node's runtime, never the edge one.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInProcessWorker } = await import("./lib/provisioner/in-process-worker");
  await startInProcessWorker();
}
