import Link from "next/link";

import { buttonStyles, inputStyles } from "@/components/ui/button-styles";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { auditPage, auditWhereSql } from "@/lib/db/audit/audit-keyset";
import { listAuditActions } from "@/lib/db/audit/list-audit-events";
import { auditFilterFromParams, type AuditSearchParams } from "@/lib/db/audit/audit-filter-params";
import { db } from "@/lib/db/client";
import { decodeAuditCursor, encodeAuditCursor } from "@/lib/domain/audit/audit-cursor";

import { AuditEventRow } from "./audit-event-row";

export const metadata = { title: "Audit history" };

const PAGE_SIZE = 50;
const FILTER_KEYS = ["request", "actor", "action", "from", "to"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<AuditSearchParams & { cursor?: string | string[] }> }) {
  await requirePageUser("audit.read");
  const params = await searchParams;
  const { filter, errors } = auditFilterFromParams(params);
  const cursor = decodeAuditCursor([params.cursor].flat()[0]);
  const where = await auditWhereSql(db(), filter);
  // One more than a page tells whether older events exist without counting a million rows.
  const [fetched, actions] = await Promise.all([auditPage(db(), where, cursor, PAGE_SIZE + 1), listAuditActions()]);
  const rows = fetched.slice(0, PAGE_SIZE);
  const last = rows.at(-1);
  const filterQuery = new URLSearchParams(
    FILTER_KEYS.flatMap((k) => {
      const v = [params[k]].flat()[0];
      return v ? [[k, v] as [string, string]] : [];
    }),
  );
  const withQuery = (path: string, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams([...filterQuery, ...Object.entries(extra)]).toString();
    return q ? `${path}?${q}` : path;
  };

  return (
    <>
      <PageHeader
        title="Audit history"
        description="Every change the portal made or was asked to make, who did it and when (UTC, to the second). Append-only: entries cannot be edited or deleted."
        actions={
          <div className="flex gap-2">
            <a href={withQuery("/audit/export", { format: "csv" })} className={buttonStyles.secondary} download>
              Export CSV
            </a>
            <a href={withQuery("/audit/export", { format: "ndjson" })} className={buttonStyles.secondary} download>
              Export NDJSON
            </a>
          </div>
        }
      />
      <form action="/audit" className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter audit history">
        <div>
          <label htmlFor="request" className="block text-xs font-medium text-slate-600">Request</label>
          <input id="request" name="request" defaultValue={filter.requestId} placeholder="#12 or id" className={inputStyles} />
        </div>
        <div>
          <label htmlFor="actor" className="block text-xs font-medium text-slate-600">Actor</label>
          <input id="actor" name="actor" defaultValue={filter.actor} placeholder="email" className={inputStyles} />
        </div>
        <div>
          <label htmlFor="action" className="block text-xs font-medium text-slate-600">Action</label>
          <select id="action" name="action" defaultValue={filter.action ?? ""} className={inputStyles}>
            <option value="">Any</option>
            {actions.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="block text-xs font-medium text-slate-600">From (UTC)</label>
          <input id="from" name="from" type="datetime-local" step="1" defaultValue={[params.from].flat()[0]} className={inputStyles} aria-describedby="from-error" />
          <p id="from-error" className="text-xs text-rose-700" aria-live="polite">{errors.from}</p>
        </div>
        <div>
          <label htmlFor="to" className="block text-xs font-medium text-slate-600">To (UTC)</label>
          <input id="to" name="to" type="datetime-local" step="1" defaultValue={[params.to].flat()[0]} className={inputStyles} aria-describedby="to-error" />
          <p id="to-error" className="text-xs text-rose-700" aria-live="polite">{errors.to}</p>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonStyles.primary}>Filter</button>
          <Link href="/audit" className={buttonStyles.secondary}>Clear</Link>
        </div>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={cursor ? "No older events match" : "No audit events match"}>Widen the time range or clear the filters.</EmptyState>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm" aria-label="Audit events, newest first">
          {rows.map((e) => (
            <AuditEventRow key={String(e.id)} event={e} />
          ))}
        </ol>
      )}
      <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600">
        <span>{cursor ? "Older events" : "Newest events"}</span>
        <span className="flex gap-2">
          {cursor ? (
            <Link className={buttonStyles.secondary} href={withQuery("/audit")}>
              Newest
            </Link>
          ) : null}
          {fetched.length > PAGE_SIZE && last ? (
            <Link className={buttonStyles.secondary} href={withQuery("/audit", { cursor: encodeAuditCursor(last) })} rel="next">
              Older
            </Link>
          ) : null}
        </span>
      </nav>
    </>
  );
}
