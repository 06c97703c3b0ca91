import type { Instrumentation } from "next";

// Next calls register() once when a server process starts. NEXT_RUNTIME is set by Next itself (not
// configuration): the worker needs Node's runtime, never the edge one. The Node-only code sits behind this
// condition in its own module, so the edge build leaves it out (Next's documented pattern).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServerProcess } = await import("./lib/provisioner/start-server-process");
    await startServerProcess();
  }
}

// Unhandled errors of pages, route handlers and actions, logged as JSON with the reference the browser shows.
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { logRequestError } = await import("./lib/log/log-request-error");
    logRequestError(...args);
  }
};
