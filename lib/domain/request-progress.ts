import type { RequestStatus } from "@/lib/domain/lifecycle";

export const IN_FLIGHT_STATUSES: RequestStatus[] = ["APPROVED", "PROVISIONING", "VERIFYING", "ROLLING_BACK", "DECOMMISSIONING"];

// The reason the provisioner gave when it last moved the request to FAILED.
export function failureOf(events: { action: string; details: unknown }[]): string | null {
  const last = [...events].reverse().find((e) => e.action === "request.fail");
  const details = last?.details;
  if (details && typeof details === "object" && "reason" in details && typeof details.reason === "string") return details.reason;
  return last ? "see the timeline" : null;
}
