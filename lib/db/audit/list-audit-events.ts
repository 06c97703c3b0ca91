import "server-only";

import { db } from "../client";

export type AuditFilter = {
  requestId?: string;
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
};

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditActions(): Promise<string[]> {
  const rows = await db().auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
