import { z } from "zod";

import type { Environment } from "./request-input";
import type { LifecycleAction } from "./lifecycle";
import { safeText } from "./validation/safe-text";
import { REQUEST_LIMITS } from "./validation/request-limits";

/**
 * The actions that end or undo something somebody asked for. Each asks for a reason, which the audit keeps
 * as the transition's comment, so "why was my connection removed?" always has an answer.
 */
export const REASONED_ACTIONS = ["reject", "cancel", "rollback", "decommission"] as const satisfies readonly LifecycleAction[];
export type ReasonedAction = (typeof REASONED_ACTIONS)[number];

export const isReasonedAction = (action: string): action is ReasonedAction => (REASONED_ACTIONS as readonly string[]).includes(action);

export const REASON_MIN = 5;

/** The reason, required: the same words on the page and in the JSON API's field error. */
export const reasonSchema = safeText({
  min: REASON_MIN,
  tooShort: `Say why (at least ${REASON_MIN} characters); it is kept in the audit history`,
  max: REQUEST_LIMITS.comment,
  tooLong: `Keep the reason under ${REQUEST_LIMITS.comment} characters`,
  multiline: true,
});

/** Production connections are confirmed by typing the request's number, not by one more click. */
export const confirmsByNumber = (environment: Environment): boolean => environment === "prod";

const confirmationSchema = z.string().trim().optional();

/** Why the typed confirmation does not confirm this request, or null when it does (or none is needed). */
export function confirmationProblem(request: { environment: Environment; number: number }, typed: unknown): string | null {
  if (!confirmsByNumber(request.environment)) return null;
  const parsed = confirmationSchema.safeParse(typed);
  const value = parsed.success ? (parsed.data ?? "").replace(/^#/, "") : "";
  if (value === String(request.number)) return null;
  return `This is a production connection: type its number, ${request.number}, to confirm`;
}
