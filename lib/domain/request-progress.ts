import type { AuditDetails } from "@/lib/domain/audit-details";
import type { RequestStatus } from "@/lib/domain/lifecycle";

export const IN_FLIGHT_STATUSES: RequestStatus[] = ["APPROVED", "PROVISIONING", "VERIFYING", "ROLLING_BACK", "DECOMMISSIONING"];

// The reason the provisioner gave when it last moved the request to FAILED.
export function failureOf(events: { action: string; details: AuditDetails }[]): string | null {
  const last = [...events].reverse().find((e) => e.action === "request.fail");
  const reason = last?.details.reason;
  if (typeof reason === "string") return reason;
  return last ? "see the timeline" : null;
}
