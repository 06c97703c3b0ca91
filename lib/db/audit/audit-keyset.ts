import "server-only";

import type { AuditCursor } from "@/lib/domain/audit/audit-cursor";
import type { ExportableEvent } from "@/lib/domain/audit/audit-export-format";
import { readAuditDetails } from "@/lib/domain/audit-details";

import { Prisma } from "../generated/client";
import type { PrismaClient } from "../prisma-factory";
import type { AuditFilter } from "./list-audit-events";

// The export's event shape, with the details read through their typed reader.
export type AuditRow = Omit<ExportableEvent, "details"> & { details: ReturnType<typeof readAuditDetails> };

const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// "#12" or "12" names a request by number; anything else is taken as its id.
async function requestIdOf(prisma: PrismaClient, text: string): Promise<string> {
  const number = /^#?(\d{1,9})$/.exec(text)?.[1];
  if (!number) return text;
  const found = await prisma.accessRequest.findUnique({ where: { number: Number(number) }, select: { id: true } });
  return found?.id ?? text;
}

/** The filter as SQL over `e` ("AuditEvent"); the request is resolved to its id first so ("requestId", "at") serves it. */
export async function auditWhereSql(prisma: PrismaClient, filter: AuditFilter): Promise<Prisma.Sql> {
  const parts: Prisma.Sql[] = [];
  if (filter.requestId) parts.push(Prisma.sql`e."requestId" = ${await requestIdOf(prisma, filter.requestId)}`);
  if (filter.actor) parts.push(Prisma.sql`e."actorLabel" ILIKE ${`%${filter.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (filter.action) parts.push(Prisma.sql`e."action" LIKE ${likePrefix(filter.action)}`);
  if (filter.from) parts.push(Prisma.sql`e."at" >= ${filter.from}`);
  if (filter.to) parts.push(Prisma.sql`e."at" <= ${filter.to}`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** One keyset page, newest first: `(at, id) < cursor` walks the ("at", "id") index, however deep the page. */
export function auditPageSql(where: Prisma.Sql, cursor: AuditCursor | null, limit: number): Prisma.Sql {
  const after = cursor ? Prisma.sql`AND (e."at", e."id") < (${cursor.at}, ${cursor.id})` : Prisma.empty;
  return Prisma.sql`
    SELECT e."id", e."at", e."actorLabel", e."action", e."requestId", r."number" AS "requestNumber",
           e."accountId", e."region", COALESCE(e."resourceIds", ARRAY[]::text[]) AS "resourceIds", e."details"
      FROM "AuditEvent" e LEFT JOIN "AccessRequest" r ON r."id" = e."requestId"
     WHERE ${where} ${after}
     ORDER BY e."at" DESC, e."id" DESC LIMIT ${limit}`;
}

export async function auditPage(prisma: PrismaClient, where: Prisma.Sql, cursor: AuditCursor | null, limit: number): Promise<AuditRow[]> {
  const rows = await prisma.$queryRaw<ExportableEvent[]>(auditPageSql(where, cursor, limit));
  return rows.map((row) => ({ ...row, details: readAuditDetails(row.details) }));
}

/** Every matching event, newest first, a batch at a time: memory stays one batch whatever the history's size. */
export async function* auditBatches(prisma: PrismaClient, filter: AuditFilter, batchSize = 1000): AsyncGenerator<AuditRow[]> {
  const where = await auditWhereSql(prisma, filter);
  let cursor: AuditCursor | null = null;
  for (;;) {
    const rows = await auditPage(prisma, where, cursor, batchSize);
    if (rows.length) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    cursor = { at: last.at, id: last.id };
  }
}
