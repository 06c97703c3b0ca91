import { csvLine } from "./csv";

export const AUDIT_EXPORT_FORMATS = ["csv", "ndjson"] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

export type ExportableEvent = {
  id: bigint;
  at: Date;
  actorLabel: string;
  action: string;
  requestId: string | null;
  requestNumber: number | null;
  accountId: string | null;
  region: string | null;
  resourceIds: string[];
  details: unknown;
};

export const AUDIT_CSV_HEADER = csvLine(["id", "at", "actor", "action", "request_number", "request_id", "account_id", "region", "resource_ids", "details"]);

/** One event as a line of the export: times with milliseconds in UTC, details as JSON. */
export function auditExportLine(format: AuditExportFormat, e: ExportableEvent): string {
  if (format === "ndjson") {
    return `${JSON.stringify({
      id: String(e.id),
      at: e.at.toISOString(),
      actor: e.actorLabel,
      action: e.action,
      requestNumber: e.requestNumber,
      requestId: e.requestId,
      accountId: e.accountId,
      region: e.region,
      resourceIds: e.resourceIds,
      details: e.details,
    })}\n`;
  }
  return csvLine([e.id, e.at.toISOString(), e.actorLabel, e.action, e.requestNumber, e.requestId, e.accountId, e.region, e.resourceIds.join(" "), JSON.stringify(e.details)]);
}
