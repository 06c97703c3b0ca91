import type { Pluggable } from "@smithy/types";

import { logger } from "@/lib/log/logger";
import { portalMetrics } from "@/lib/metrics/portal-metrics";

type Metadata = { requestId?: string; attempts?: number; httpStatusCode?: number };
type CallTarget = { service: string; accountId?: string; region: string };

const metadataOf = (value: unknown): Metadata | undefined =>
  typeof value === "object" && value !== null && "$metadata" in value ? (value as { $metadata: Metadata }).$metadata : undefined;

const errorCodeOf = (error: unknown): string =>
  error instanceof Error ? ((error as { Code?: string }).Code ?? error.name) : "UnknownError";

/**
 * One log line and one counted call per SDK call, taken around the SDK's retries: the AWS request id is what
 * AWS support asks for, and the error code is what the runner decided on.
 */
export function callLogPlugin<I extends object, O extends object>(target: CallTarget): Pluggable<I, O> {
  return {
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          const operation = String(context.commandName ?? "").replace(/Command$/, "");
          const started = performance.now();
          const line = (outcome: unknown, errorCode: string) => {
            const meta = metadataOf(outcome);
            portalMetrics().awsCalls.inc({ service: target.service, operation, error_code: errorCode });
            return {
              aws: { ...target, operation, awsRequestId: meta?.requestId, attempts: meta?.attempts, errorCode: errorCode || undefined },
              durationMs: Math.round(performance.now() - started),
            };
          };
          try {
            const output = await next(args);
            logger().debug(line(output.output, ""), "aws call");
            return output;
          } catch (error) {
            logger().info({ ...line(error, errorCodeOf(error)), errorMessage: error instanceof Error ? error.message : String(error) }, "aws call failed");
            throw error;
          }
        },
        { step: "initialize", name: "portalCallLog", priority: "high" },
      );
    },
  };
}
