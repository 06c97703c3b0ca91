import Link from "next/link";

import { describeClient } from "@/components/client-summary";
import { buttonStyles } from "@/components/ui/button-styles";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTime } from "@/components/ui/format-time";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { StatusBadge } from "@/components/ui/status-badge";
import { actorOf } from "@/lib/auth/current-user";
import { requirePageUser } from "@/lib/auth/guard";
import { listRequests } from "@/lib/db/requests/list-requests";
import { REQUEST_STATUSES, STATUS_LABELS, type RequestStatus } from "@/lib/domain/lifecycle";
import { may } from "@/lib/domain/permissions";
import { clampPage } from "@/lib/domain/validation/page-number";
import { SCENARIO_LABELS } from "@/lib/domain/scenario";

export const metadata = { title: "Requests" };

export default async function RequestsPage({ searchParams }: { searchParams: Promise<{ page?: string; status?: string }> }) {
  const user = await requirePageUser("request.list");
  const params = await searchParams;
  const status = REQUEST_STATUSES.find((s) => s === params.status);
  const result = await listRequests(user, { page: clampPage(params.page), statuses: status ? [status] : undefined });
  const seesAll = may(actorOf(user), "request.list-all").ok;
  const canCreate = may(actorOf(user), "request.create").ok;
  const hrefFor = (page: number, s: RequestStatus | undefined = status) =>
    `/requests?${new URLSearchParams({ ...(s ? { status: s } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;

  return (
    <>
      <PageHeader
        title={seesAll ? "All requests" : "My team's requests"}
        description={
          seesAll
            ? "Every access request in the portal."
            : `Requests filed by ${user.teams.map((t) => t.name).join(", ") || "your teams"}.`
        }
        actions={
          canCreate ? (
            <Link href="/requests/new" className={buttonStyles.primary}>
              New request
            </Link>
          ) : null
        }
      />
      <form className="mb-4 flex items-center gap-2 text-sm" action="/requests">
        <label htmlFor="status-filter" className="text-slate-600">
          Status
        </label>
        <select id="status-filter" name="status" defaultValue={status ?? ""} className="rounded-md border-slate-300 bg-white px-2 py-1.5 ring-1 ring-slate-300">
          <option value="">Any</option>
          {REQUEST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <button type="submit" className={buttonStyles.secondary}>
          Filter
        </button>
      </form>
      {result.rows.length === 0 ? (
        <EmptyState title={status ? "No requests with this status" : "No requests yet"}>
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
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Request</th>
                <th scope="col" className="px-4 py-3">Cluster</th>
                <th scope="col" className="px-4 py-3">Client</th>
                <th scope="col" className="px-4 py-3">Scenario</th>
                <th scope="col" className="px-4 py-3">Status</th>
                <th scope="col" className="px-4 py-3">Team</th>
                <th scope="col" className="px-4 py-3">Filed</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.rows.map((r) => (
                <tr key={r.id} className="hover:bg-slate-50" data-testid="request-row">
                  <td className="px-4 py-3 font-medium">
                    <Link href={`/requests/${r.id}`} className="text-indigo-700 hover:underline">
                      #{r.number}
                    </Link>
                  </td>
                  <td className="px-4 py-3">
                    {r.cluster.name}
                    <div className="text-xs text-slate-500">{r.cluster.region}</div>
                  </td>
                  <td className="px-4 py-3 font-mono text-xs">{describeClient(r.client)}</td>
                  <td className="px-4 py-3">{SCENARIO_LABELS[r.scenario].title}</td>
                  <td className="px-4 py-3">
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="px-4 py-3">
                    {r.team.name}
                    <div className="text-xs text-slate-500">{r.requester.email}</div>
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-600">{formatTime(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={result.page} pages={result.pages} hrefFor={(p) => hrefFor(p)} />
    </>
  );
}
