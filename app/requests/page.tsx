import Link from "next/link";

import { describeClient } from "@/components/client-summary";
import { OutOfRange } from "@/components/requests/out-of-range";
import { RequestFilterForm } from "@/components/requests/request-filter-form";
import { buttonStyles } from "@/components/ui/button-styles";
import { DriftBadge } from "@/components/ui/drift-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTime } from "@/components/ui/format-time";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { StatusBadge } from "@/components/ui/status-badge";
import { actorOf } from "@/lib/auth/current-user";
import { requirePageUser } from "@/lib/auth/guard";
import { searchRequests } from "@/lib/db/requests/search-requests";
import { formatEndDate } from "@/lib/domain/expiry/end-date";
import { may } from "@/lib/domain/permissions";
import { isFiltered, parseRequestFilter, requestFilterQuery, type RawParams } from "@/lib/domain/requests/request-filter";
import { SCENARIO_LABELS } from "@/lib/domain/scenario";

export const metadata = { title: "Requests" };

export default async function RequestsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requirePageUser("request.list");
  const { filter, errors } = parseRequestFilter(await searchParams);
  const result = await searchRequests(user, filter);
  const seesAll = may(actorOf(user), "request.list-all").ok;
  const canCreate = may(actorOf(user), "request.create").ok;
  const hrefFor = (page: number) => `/requests${requestFilterQuery(filter, { page })}`;

  return (
    <>
      <PageHeader
        title={seesAll ? "All requests" : "My team's requests"}
        description={
          seesAll ? "Every access request in the portal." : `Requests filed by ${user.teams.map((t) => t.name).join(", ") || "your teams"}.`
        }
        actions={
          canCreate ? (
            <Link href="/requests/new" className={buttonStyles.primary}>
              New request
            </Link>
          ) : null
        }
      />
      <RequestFilterForm action="/requests" filter={filter} errors={errors} />
      <p className="mb-2 text-sm text-slate-600" aria-live="polite" data-testid="result-count">
        {result.total} request{result.total === 1 ? "" : "s"}
        {isFiltered(filter) ? " match" : ""}
      </p>
      {result.outOfRange ? (
        <OutOfRange page={result.page} pages={result.pages} total={result.total} lastHref={hrefFor(result.pages)} />
      ) : result.rows.length === 0 ? (
        isFiltered(filter) ? (
          <EmptyState title="No requests match">Change the search or the filters, or clear them.</EmptyState>
        ) : (
          <EmptyState title="No requests yet">
            {canCreate ? (
              <>
                <Link href="/requests/new" className="font-medium text-indigo-700 underline">
                  File a request
                </Link>{" "}
                to connect a Kafka client to a cluster.
              </>
            ) : (
              "Requests appear here when teams file them."
            )}
          </EmptyState>
        )
      ) : (
        <RequestTable rows={result.rows} />
      )}
      <Pagination page={Math.min(result.page, result.pages)} pages={result.pages} hrefFor={hrefFor} />
    </>
  );
}

// At 390 px the columns that need room fold away; number, scenario and status (with drift) always stay.
function RequestTable({ rows }: { rows: Awaited<ReturnType<typeof searchRequests>>["rows"] }) {
  const wide = "hidden px-4 py-3 md:table-cell";
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm md:overflow-x-auto">
      <table className="w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-3 md:px-4">Request</th>
            <th scope="col" className={wide}>Cluster</th>
            <th scope="col" className={wide}>Client</th>
            <th scope="col" className="px-3 py-3 md:px-4">Scenario</th>
            <th scope="col" className="px-3 py-3 md:px-4">Status</th>
            <th scope="col" className={wide}>Team</th>
            <th scope="col" className={wide}>Filed</th>
            <th scope="col" className={wide}>Ends</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="align-top hover:bg-slate-50" data-testid="request-row">
              <td className="px-3 py-3 font-medium md:px-4">
                <Link href={`/requests/${r.id}`} className="rounded text-indigo-700 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600">
                  #{r.number}
                </Link>
                <div className="text-xs font-normal text-slate-500 md:hidden">
                  {r.cluster.name} · {r.team.name}
                  {r.endsAt ? ` · ends ${formatEndDate(r.endsAt)}` : ""}
                </div>
              </td>
              <td className={wide}>
                {r.cluster.name}
                <div className="text-xs text-slate-500">{r.cluster.region}</div>
              </td>
              <td className={`${wide} font-mono text-xs`}>{describeClient(r.client)}</td>
              <td className="px-3 py-3 md:px-4">{SCENARIO_LABELS[r.scenario].title}</td>
              <td className="px-3 py-3 md:px-4">
                <div className="flex flex-wrap gap-1">
                  <StatusBadge status={r.status} />
                  {r.drifted ? <DriftBadge checkedAt={r.driftCheckedAt} /> : null}
                </div>
              </td>
              <td className={wide}>
                {r.team.name}
                <div className="text-xs text-slate-500">{r.requester.email}</div>
              </td>
              <td className={`${wide} whitespace-nowrap text-slate-600`}>{formatTime(r.createdAt)}</td>
              <td className={`${wide} whitespace-nowrap text-slate-600`}>{r.endsAt ? formatEndDate(r.endsAt) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
