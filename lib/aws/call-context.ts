import type { Pluggable } from "@smithy/types";

/** Which portal call an AWS error came from: enough to name the account, the role and the action. */
export type PortalCall = {
  service: "ec2" | "ram" | "kafka" | "directconnect";
  operation: string;
  accountId: string;
  region: string;
  roleArn: string;
};

const KEY = "$portalCall";

/** Middleware that stamps every error a client throws with the call it came from. */
export function callContextPlugin<I extends object, O extends object>(call: Omit<PortalCall, "operation">): Pluggable<I, O> {
  return {
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          try {
            return await next(args);
          } catch (error) {
            if (typeof error === "object" && error !== null && !(KEY in error)) {
              const operation = String(context.commandName ?? "").replace(/Command$/, "");
              Object.defineProperty(error, KEY, { value: { ...call, operation }, enumerable: false });
            }
            throw error;
          }
        },
        { step: "initialize", name: "portalCallContext" },
      );
    },
  };
}

export function portalCallOf(error: unknown): PortalCall | undefined {
  if (typeof error !== "object" || error === null || !(KEY in error)) return undefined;
  return (error as { [KEY]: PortalCall })[KEY];
}
