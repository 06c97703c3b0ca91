import type { AwsErrorInfo } from "@/lib/aws";
import type { PlanStep, StepKind } from "@/lib/domain/plan/plan-types";

/**
 * Changes other accounts see only after a while: RAM shares and their acceptance, and MSK cluster policies,
 * are eventually consistent (AWS RAM user guide; IAM's "changes are eventually consistent" applies to
 * resource policies too). Right after one, the next account's call may meet NotFound or a denial.
 */
const PROPAGATING: readonly StepKind[] = ["share-tgw", "accept-share-invitation", "put-cluster-policy"];

// Denials a resource policy or share not yet in effect gives; token and signature errors are never that.
const SETTLING_DENIALS = new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "ForbiddenException"]);

export const DEFAULT_SETTLE_WINDOW_MS = 2 * 60_000;

/** When the latest propagating step this step depends on finished (ms since epoch), or null when none did. */
export function settlingSince(
  step: Pick<PlanStep, "dependsOn">,
  finished: ReadonlyMap<string, { kind: StepKind; finishedAt: Date | null }>,
): number | null {
  let since: number | null = null;
  for (const key of step.dependsOn) {
    const dep = finished.get(key);
    if (!dep?.finishedAt || !PROPAGATING.includes(dep.kind)) continue;
    since = Math.max(since ?? 0, dep.finishedAt.getTime());
  }
  return since;
}

/**
 * Whether a failure is worth another try because the change it depends on may not have reached this account
 * yet. Only within the window after that change: past it, the same error is the answer and fails the step.
 */
export function stillSettling(info: Pick<AwsErrorInfo, "kind" | "code">, since: number | null, now: number, windowMs: number): boolean {
  if (since === null || now - since > windowMs) return false;
  return info.kind === "not-found" || (info.kind === "permission" && SETTLING_DENIALS.has(info.code));
}
