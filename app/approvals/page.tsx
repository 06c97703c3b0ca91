import Link from "next/link";

import { describeClient } from "@/components/client-summary";
import { DecisionForm } from "@/components/decision-form";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTime } from "@/components/ui/format-time";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { actorOf } from "@/lib/auth/current-user";
import { requirePageUser } from "@/lib/auth/guard";
import { listRequests } from "@/lib/db/requests/list-requests";
import { may } from "@/lib/domain/permissions";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";
import { clampPage } from "@/lib/domain/validation/page-number";
import { requestFacts } from "@/lib/domain/request-facts";
import { SCENARIO_LABELS } from "@/lib/domain/scenario";

import { PlanVerdict } from "./plan-verdict";

import { decideRequest } from "@/app/_shared/decision/actions";

export const metadata = { title: "Approvals" };

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser("approvals.view");
  const { page } = await searchParams;
  const queue = await listRequests(user, { statuses: ["SUBMITTED"], page: clampPage(page), pageSize: 20, withPlan: true, oldestFirst: true });
  const mayApprove = (r: (typeof queue.rows)[number]) =>
    may(actorOf(user), "request.approve", requestFacts(r, readStoredPlan(r)));
  const decidedByAnother = (r: (typeof queue.rows)[number]) => {
    const decision = may(actorOf(user), "request.reject", { requesterId: r.requesterId, teamId: r.teamId, status: r.status });
    return !decision.ok && decision.code === "separation-of-duties";
  };
  return (
    <>
      <PageHeader
        title="Approval queue"
        description={`${queue.total} request${queue.total === 1 ? "" : "s"} waiting for a decision, oldest first. Approving starts the AWS changes; rejecting needs a comment for the requester.`}
      />
      {queue.rows.length === 0 ? (
        <EmptyState title="Nothing is waiting for you">New requests appear here as soon as teams file them.</EmptyState>
      ) : (
        <ul className="space-y-4">
          {queue.rows.map((r) => (
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
                <PlanVerdict stored={readStoredPlan(r)} />
              </div>
              <div>
                {decidedByAnother(r) ? (
                  <p className="text-sm text-slate-600">You filed this request, so another approver decides it.</p>
                ) : (
                  <DecisionForm requestId={r.id} version={r.version} action={decideRequest} canApprove={mayApprove(r).ok} />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={queue.page} pages={queue.pages} hrefFor={(p) => `/approvals?page=${p}`} />
    </>
  );
}
