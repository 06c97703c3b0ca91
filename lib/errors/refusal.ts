import type { PermissionDecision } from "@/lib/domain/permissions";

import { ExpectedError } from "./expected-error";

/** The policy's refusal as an error whose message reaches the person (and whose code picks the HTTP status). */
export function refusal(decision: Exclude<PermissionDecision, { ok: true }>): ExpectedError {
  const code =
    decision.code === "invalid-transition" ? "conflict" : decision.code === "unauthenticated" ? "unauthenticated" : "forbidden";
  return new ExpectedError(code, decision.reason);
}
