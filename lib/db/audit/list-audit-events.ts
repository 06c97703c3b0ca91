import "server-only";

import { clampPage } from "@/lib/domain/validation/page-number";

import { readAuditDetails } from "@/lib/domain/audit-details";

import { db } from "../client";
import type { Prisma } from "../generated/client";

export type AuditFilter = {
  requestId?: string;
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
};

export const AUDIT_PAGE_SIZE = 50;

// "#12" or "12" names a request by number; anything else (or a number past what the column holds) matches none.
function requestNumberOf(text: string): number {
  const match = /^#?(\d{1,9})$/.exec(text);
  return match?.[1] ? Number(match[1]) : -1;
}

// Callers check `audit:read` first; this only filters and pages.
export async function listAuditEvents(filter: AuditFilter, page = 1, pageSize = AUDIT_PAGE_SIZE) {
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.requestId ? { OR: [{ requestId: filter.requestId }, { request: { number: requestNumberOf(filter.requestId) } }] } : {}),
    ...(filter.actor ? { actorLabel: { contains: filter.actor, mode: "insensitive" } } : {}),
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
  };
  const safePage = clampPage(page);
  const [total, rows] = await Promise.all([
    db().auditEvent.count({ where }),
    db().auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (safePage - 1) * pageSize,
      take: pageSize,
      include: { request: { select: { id: true, number: true } } },
    }),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, details: readAuditDetails(row.details) })),
    total,
    page: safePage,
    pageSize,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}

export async function listAuditActions(): Promise<string[]> {
  const rows = await db().auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
