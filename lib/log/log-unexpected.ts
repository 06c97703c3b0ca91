import { randomBytes } from "node:crypto";

import { logger } from "./logger";

/**
 * Logs a failure nobody expected and returns the reference to show instead of it: a person quotes it, an
 * operator finds the log line (with the error and its stack) by it.
 */
export function logUnexpected(error: unknown, message: string, fields: Record<string, unknown> = {}): string {
  const reference = randomBytes(6).toString("hex");
  logger().error({ ...fields, err: error, reference }, message);
  return reference;
}

export function unexpectedErrorMessage(reference: string): string {
  return `Something went wrong on our side. Nothing was changed; try again. If it keeps happening, quote reference ${reference}.`;
}
