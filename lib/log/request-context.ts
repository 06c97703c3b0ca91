import { AsyncLocalStorage } from "node:async_hooks";

type RequestContext = { requestId: string };

// On globalThis: Next's dev server re-evaluates modules on change, and a second storage would not see the
// first one's context.
const globalForContext = globalThis as unknown as { portalRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (globalForContext.portalRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** Runs work with a request id that every log line, enqueued job and AWS call log inside it carries. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
