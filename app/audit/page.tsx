import Link from "next/link";

import { buttonStyles, inputStyles } from "@/components/ui/button-styles";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTime } from "@/components/ui/format-time";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/guard";
import { listAuditActions, listAuditEvents } from "@/lib/db/audit/list-audit-events";

import { auditFilterFromParams, type AuditSearchParams } from "@/lib/db/audit/audit-filter-params";

export const metadata = { title: "Audit history" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<AuditSearchParams> }) {
  await requirePageUser("audit.read");
  const params = await searchParams;
  const { filter, page, errors } = auditFilterFromParams(params);
  const [result, actions] = await Promise.all([listAuditEvents(filter, page), listAuditActions()]);
  const query = (p: number) => `/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(params).filter(([k, v]) => k !== "page" && v)), page: String(p) })}`;

  return (
    <>
      <PageHeader title="Audit history" description="Every change the portal made or was asked to make, who did it and when. Append-only: entries cannot be edited or deleted." />
      <form action="/audit" className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-6" aria-label="Filter audit history">
        <div>
          <label htmlFor="request" className="block text-xs font-medium text-slate-600">Request</label>
          <input id="request" name="request" defaultValue={params.request} placeholder="#12 or id" className={inputStyles} />
        </div>
        <div>
          <label htmlFor="actor" className="block text-xs font-medium text-slate-600">Actor</label>
          <input id="actor" name="actor" defaultValue={params.actor} placeholder="email" className={inputStyles} />
        </div>
        <div>
          <label htmlFor="action" className="block text-xs font-medium text-slate-600">Action</label>
          <select id="action" name="action" defaultValue={params.action ?? ""} className={inputStyles}>
            <option value="">Any</option>
            {actions.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="block text-xs font-medium text-slate-600">From (UTC)</label>
          <input id="from" name="from" type="datetime-local" defaultValue={params.from} className={inputStyles} aria-describedby="from-error" />
          <p id="from-error" className="text-xs text-rose-700" aria-live="polite">{errors.from}</p>
        </div>
        <div>
          <label htmlFor="to" className="block text-xs font-medium text-slate-600">To (UTC)</label>
          <input id="to" name="to" type="datetime-local" defaultValue={params.to} className={inputStyles} aria-describedby="to-error" />
          <p id="to-error" className="text-xs text-rose-700" aria-live="polite">{errors.to}</p>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonStyles.primary}>Filter</button>
          <Link href="/audit" className={buttonStyles.secondary}>Clear</Link>
        </div>
      </form>
      {result.rows.length === 0 ? (
        <EmptyState title="No audit events match">Widen the time range or clear the filters.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">When</th>
                <th scope="col" className="px-4 py-3">Actor</th>
                <th scope="col" className="px-4 py-3">Action</th>
                <th scope="col" className="px-4 py-3">Request</th>
                <th scope="col" className="px-4 py-3">AWS</th>
                <th scope="col" className="px-4 py-3">Details</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.rows.map((e) => (
                <tr key={String(e.id)} data-testid="audit-row">
                  <td className="px-4 py-2 whitespace-nowrap text-slate-600">{formatTime(e.at)}</td>
                  <td className="px-4 py-2">{e.actorLabel}</td>
                  <td className="px-4 py-2 font-mono text-xs">{e.action}</td>
                  <td className="px-4 py-2">
                    {e.request ? (
                      <Link className="text-indigo-700 hover:underline" href={`/requests/${e.request.id}`}>#{e.request.number}</Link>
                    ) : "—"}
                  </td>
                  <td className="max-w-xs px-4 py-2 font-mono text-xs">
                    {[e.accountId, e.region].filter(Boolean).join(" · ") || (e.resourceIds.length ? "" : "—")}
                    {e.resourceIds.map((id) => (
                      <span key={id} className="block truncate text-slate-600" title={id}>
                        {id}
                      </span>
                    ))}
                  </td>
                  <td className="max-w-md truncate px-4 py-2 font-mono text-xs text-slate-600" title={JSON.stringify(e.details)}>
                    {JSON.stringify(e.details)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={result.page} pages={result.pages} hrefFor={query} />
    </>
  );
}
