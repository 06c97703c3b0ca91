import type { RequestStatus } from "@/lib/domain/lifecycle";

const TORN_DOWN: RequestStatus[] = ["ROLLING_BACK", "ROLLED_BACK", "DECOMMISSIONING", "DECOMMISSIONED"];

type StepState = { status: string; error: string | null; createdResources: unknown };

/**
 * What became of a step once its request is rolled back or decommissioned, in words: a step is only "undone"
 * to the runner, but a person wants to know whether something was removed, kept for another request, or
 * never existed. Null while the request is not being torn down (the plain step status says it then).
 */
export function stepOutcomeLabel(requestStatus: RequestStatus, step: StepState): string | null {
  if (!TORN_DOWN.includes(requestStatus)) return null;
  switch (step.status) {
    case "PENDING":
      return "never ran";
    case "UNDONE":
      return Array.isArray(step.createdResources) && step.createdResources.length > 0 ? "removed" : "nothing to remove";
    case "SKIPPED":
      return step.error?.startsWith("Kept:") ? `kept: ${step.error.slice("Kept:".length).trim()}` : "skipped";
    default:
      return null;
  }
}
