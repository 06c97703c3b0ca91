import Link from "next/link";

import { describeClient } from "@/components/client-summary";
import { DecisionForm } from "@/components/decision-form";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTime } from "@/components/ui/format-time";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { OutOfRange } from "@/components/requests/out-of-range";
import { RequestFilterForm } from "@/components/requests/request-filter-form";
import { actorOf } from "@/lib/auth/current-user";
import { requirePageUser } from "@/lib/auth/guard";
import { listApprovalQueue } from "@/lib/db/requests/list-approval-queue";
import { expectedTrafficOf } from "@/lib/db/requests/expected-traffic-of";
import { requestCostEstimate } from "@/lib/domain/cost/request-cost";
import { may } from "@/lib/domain/permissions";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";
import { isFiltered, parseRequestFilter, requestFilterQuery, type RawParams } from "@/lib/domain/requests/request-filter";
import { requestFacts } from "@/lib/domain/request-facts";
import { approvalViews } from "@/lib/db/approval-policies/approval-views";
import { approvalWouldCount } from "@/lib/domain/approval-policy";
import { SCENARIO_LABELS } from "@/lib/domain/scenario";
import { confirmsByNumber } from "@/lib/domain/reasoned-actions";

import { PlanVerdict } from "./plan-verdict";

import { decideRequest } from "@/app/_shared/decision/actions";

export const metadata = { title: "Approvals" };

// The queue is what waits for a decision, oldest first: status, drift, end dates and sorting are not its filters.
const NOT_QUEUE_FILTERS = ["status", "drift", "expiring", "sort"] as const;

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requirePageUser("approvals.view");
  const { filter, errors } = parseRequestFilter(await searchParams);
  const queueFilter = { ...filter, statuses: [], drift: undefined, expiring: undefined, sort: "oldest" as const };
  // A request that needs changes is the requester's to fix, not an approver's to decide (lib/domain/needs-changes).
  const queue = await listApprovalQueue(user, { page: filter.page, pageSize: 20, filter: queueFilter });
  // The queue's order is its own, never a parameter: "newest" is the value the query string leaves out.
  const hrefFor = (page: number) => `/approvals${requestFilterQuery(queueFilter, { page, sort: "newest" })}`;
  const traffic = await expectedTrafficOf(queue.rows.map((r) => r.id));
  const approvals = await approvalViews(queue.rows.map((r) => r.id));
  const mayApprove = (r: (typeof queue.rows)[number]) =>
    may(actorOf(user), "request.approve", { ...requestFacts(r, readStoredPlan(r)), approvalState: approvals.get(r.id)?.state ?? null });
  // Only requests where the viewer's approval can count: never their own, never one they approved already,
  // never one whose remaining approval must come from a team they are not in.
  const state = (r: (typeof queue.rows)[number]) => approvals.get(r.id)?.state;
  const rows = queue.rows.filter((r) => {
    const s = state(r);
    return r.requesterId !== user.id && (!s || approvalWouldCount(s, { userId: user.id, teamIds: user.teamIds }).counts);
  });
  const decidedByAnother = (r: (typeof queue.rows)[number]) => {
    const decision = may(actorOf(user), "request.reject", { requesterId: r.requesterId, teamId: r.teamId, status: r.status });
    return !decision.ok && decision.code === "separation-of-duties";
  };
  return (
    <>
      <PageHeader
        title="Approval queue"
        description={`${queue.total} request${queue.total === 1 ? "" : "s"} waiting for your decision${isFiltered(queueFilter) ? " match" : ""}, oldest first: your own and those you approved already are left out, and so are those whose approval policy still needs someone from a team you are not in. Rejecting needs a comment for the requester.`}
      />
      <RequestFilterForm action="/approvals" filter={queueFilter} errors={errors} hide={[...NOT_QUEUE_FILTERS]} />
      {queue.outOfRange ? (
        <OutOfRange page={queue.page} pages={queue.pages} total={queue.total} lastHref={hrefFor(queue.pages)} />
      ) : rows.length === 0 ? (
        isFiltered(queueFilter) ? (
          <EmptyState title="No waiting request matches">Change the search or the filters, or clear them.</EmptyState>
        ) : (
          <EmptyState title="Nothing is waiting for you">New requests appear here as soon as teams file them.</EmptyState>
        )
      ) : (
        <ul className="space-y-4">
          {rows.map((r) => (
            <li key={r.id} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-3" data-testid="approval-item">
              <div className="md:col-span-2">
                <p className="text-sm text-slate-500">
                  <Link href={`/requests/${r.id}`} className="font-semibold text-indigo-700 hover:underline">
                    Request #{r.number}
                  </Link>{" "}
                  · {r.team.name} · {r.requester.email} · {formatTime(r.createdAt)}
                </p>
                <p className="mt-1 text-lg font-semibold">{SCENARIO_LABELS[r.scenario].title}</p>
                <p className="text-sm text-slate-700">
                  {r.cluster.name} ({r.cluster.region}) ← <span className="font-mono text-xs">{describeClient(r.client)}</span>
                </p>
                <p className="mt-1 text-sm text-slate-600">
                  {r.authModes.join(", ")} · {r.environment}
                </p>
                {approvals.get(r.id)?.evaluation ? (
                  <p className="mt-1 text-sm text-slate-700" data-testid="queue-approval">
                    {approvals.get(r.id)?.evaluation?.policyName}: {approvals.get(r.id)?.progress?.summary}
                    {approvals.get(r.id)?.approvals.length ? ` (approved by ${approvals.get(r.id)?.approvals.map((a) => a.label).join(", ")})` : ""}
                  </p>
                ) : null}
                <PlanVerdict stored={readStoredPlan(r)} cost={requestCostEstimate({ stored: readStoredPlan(r), authModes: r.authModes, expectedGbPerMonth: traffic.get(r.id) ?? null })} />
              </div>
              <div>
                {decidedByAnother(r) ? (
                  <p className="text-sm text-slate-600">You filed this request, so another approver decides it.</p>
                ) : (
                  <DecisionForm request={{ id: r.id, version: r.version, number: r.number }} confirmByNumber={confirmsByNumber(r.environment)} action={decideRequest} canApprove={mayApprove(r).ok} />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={queue.page} pages={queue.pages} hrefFor={hrefFor} />
    </>
  );
}
