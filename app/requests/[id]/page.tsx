import { notFound } from "next/navigation";

import { AuditTimeline, timelineEvents } from "@/components/audit-timeline";
import { CancelForm } from "@/components/cancel-form";
import { ClientCheckForm } from "@/components/client-check/client-check-form";
import { ClientCheckResults } from "@/components/client-check/client-check-results";
import { ClientLocationFacts } from "@/components/client-location-facts";
import { PathAnalysisCard } from "@/components/path-analysis/path-analysis-card";
import { TopicAccessSummary } from "@/components/topic-access-summary";
import { ClientVpcConnections } from "@/components/client-vpc-connections";
import { ConnectionDetails } from "@/components/connection-details";
import { LiveRefresh } from "@/components/live-refresh";
import { OperateForm } from "@/components/operate-form";
import type { StepProgress } from "@/components/plan/change-list";
import { DecisionForm } from "@/components/decision-form";
import { StoredPlanSection } from "@/components/plan/stored-plan-section";
import { ReplanButton } from "@/components/replan-button";
import { NeedsChangesNotice } from "@/components/needs-changes-notice";
import { RefileLinks, refileHref } from "@/components/refile-links";
import { Card } from "@/components/ui/card";
import { formatTime } from "@/components/ui/format-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { actorOf } from "@/lib/auth/current-user";
import { requirePageUser } from "@/lib/auth/guard";
import { approvalViewOf } from "@/lib/db/approval-policies/approval-views";
import { getRequestForViewer } from "@/lib/db/requests/get-request";
import { loadClientChecks } from "@/lib/db/client-checks/load-client-checks";
import { approvalWouldCount } from "@/lib/domain/approval-policy";
import { RequestApprovalCard } from "@/components/approval/request-approval-card";
import { readDriftProblems } from "@/lib/domain/drift-problems";
import { readPathAnalysis } from "@/lib/domain/path-analysis/path-analysis-result";
import { readTopicAccess } from "@/lib/domain/client-location";
import { readLiveConnection } from "@/lib/domain/plan/connection-details";
import { planBlocksApproval, readStoredPlan } from "@/lib/domain/plan/stored-plan";
import { requestFacts } from "@/lib/domain/request-facts";
import { allowedRequestActions, may } from "@/lib/domain/permissions";
import { SCENARIO_LABELS } from "@/lib/domain/scenario";
import { requestCostEstimate } from "@/lib/domain/cost/request-cost";
import { neededChanges } from "@/lib/domain/needs-changes";
import { confirmsByNumber } from "@/lib/domain/reasoned-actions";
import { recommendedMethod } from "@/lib/domain/recommended-method";
import { refileKind } from "@/lib/domain/request-prefill";
import { readClientLocation } from "@/lib/domain/client-location";

import { rejectConnectionAction } from "@/app/_shared/client-vpc-connection/actions";
import { decideRequest } from "@/app/_shared/decision/actions";
import { askForExtensionAction, decideExtensionAction } from "@/app/_shared/extension/actions";
import { ExpiryCard } from "@/components/expiry/expiry-card";
import { formatEndDate } from "@/lib/domain/expiry/end-date";

import { ReapplyForm } from "@/components/reapply-form";
import { cancelRequest, checkDriftAction, createClientCheckAction, operateRequest, replanRequestAction } from "./actions";
import { failureOf, IN_FLIGHT_STATUSES } from "@/lib/domain/request-progress";
import { overrideFreezeAction } from "@/app/_shared/freeze-override/actions";
import { loadRequestConnections } from "./request-connections";
import { loadRequestExpiry } from "./request-expiry";
import { stepOutcomeLabel } from "@/lib/provisioner/step-outcome";

export const metadata = { title: "Request" };

export default async function RequestDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("request.list");
  const { id } = await params;
  const request = await getRequestForViewer(user, id);
  if (!request) notFound();
  const stored = readStoredPlan(request);
  const blocked = planBlocksApproval(stored);
  const facts = requestFacts(request, stored);
  const person = actorOf(user);
  // Every control below is shown exactly when the policy would accept its action.
  const approvalView = await approvalViewOf(request.id);
  const actions = allowedRequestActions(person, { ...facts, approvalState: approvalView?.state ?? null });
  // Whether the viewer's approval would count, said beside the policy when it would not.
  const yourApproval =
    approvalView?.state && may(person, "approvals.view").ok ? approvalWouldCount(approvalView.state, { userId: user.id, teamIds: user.teamIds }) : null;
  const decision = may(person, "request.reject", facts);
  const mayDecide = decision.ok;
  const decidedByAnother = !decision.ok && decision.code === "separation-of-duties";
  const mayReplan = may(person, "request.replan", facts).ok;
  const mayCheckDrift = may(person, "request.drift-check", facts).ok;
  const mayCheckClient = may(person, "request.client-check", facts).ok;
  const clientChecks = request.status === "ACTIVE" ? await loadClientChecks(request.id) : null;
  const pathAnalysis = readPathAnalysis(request.pathAnalysis);
  const scenario = SCENARIO_LABELS[request.scenario];
  const progress = new Map<string, StepProgress>(
    request.steps.map((s) => [
      s.key,
      { status: s.status, attempts: s.attempts, error: s.error, createdResources: s.createdResources, waitingFor: s.waitingFor, outcome: stepOutcomeLabel(request.status, s) },
    ]),
  );
  const inFlight = IN_FLIGHT_STATUSES.includes(request.status);
  const operations = (["retry", "rollback", "decommission"] as const).filter((op) => actions.includes(op));
  const failure = request.status === "FAILED" ? failureOf(request.auditEvents) : null;
  const connections = await loadRequestConnections(user, request, stored);
  const expiry = await loadRequestExpiry(user, request);
  const drift = readDriftProblems(request.drift);
  const changes = neededChanges(request.status, stored);
  const mayFile = may(person, "request.create").ok;
  const client = readClientLocation(request.client);
  const recommended = mayFile && stored?.plan && client ? recommendedMethod(stored.plan, { ...request, client }, request.cluster.region) : null;
  const acted = { id: request.id, version: request.version, number: request.number };
  const byNumber = confirmsByNumber(request.environment);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Request #{request.number}</h1>
        <StatusBadge status={request.status} needsChanges={changes !== null} />
        <span className="text-sm text-slate-600">
          {request.cluster.name} · {request.team.name} · filed by {request.requester.email} on {formatTime(request.createdAt)}
        </span>
        <LiveRefresh active={inFlight} />
      </div>
      {failure ? (
        <div className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm text-rose-900" role="alert" data-testid="failure">
          <p className="font-semibold">Provisioning stopped: {failure}</p>
          <p className="mt-1">
            {request.failedDuring === "VERIFYING"
              ? "Every change was made; the check after them failed. An approver can retry once what it names is fixed (it checks again) or roll back (it undoes what this request created)."
              : "Nothing after the failed step was changed. An approver can retry (it resumes at the failed step) or roll back (it undoes what this request created)."}
          </p>
        </div>
      ) : null}
      {drift.length ? (
        <div className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" role="alert" data-testid="drift">
          <p className="font-semibold">
            AWS no longer matches what this request built
            {request.driftCheckedAt ? ` (checked ${formatTime(request.driftCheckedAt)})` : ""}:
          </p>
          <ul className="mt-1 list-disc pl-5">
            {drift.map((d) => (
              <li key={`${d.summary}-${d.problem}`}>
                {d.summary}: {d.problem}
              </li>
            ))}
          </ul>
          {actions.includes("reapply") ? <ReapplyForm request={acted} action={operateRequest} /> : null}
        </div>
      ) : null}
      {changes ? <NeedsChangesNotice changes={changes} refileHref={mayFile ? refileHref(request.id, recommended) : null} /> : null}
      {request.status === "ACTIVE" && stored?.plan ? <ConnectionDetails plan={stored.plan} connection={readLiveConnection(request)} /> : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Scenario">
            <p className="text-lg font-semibold" data-testid="scenario">
              {scenario.title}
            </p>
            <p className="text-sm text-slate-600">{scenario.summary}</p>
          </Card>
          <div className="grid gap-6 md:grid-cols-2">
            <Card title="Client">
              <ClientLocationFacts value={request.client} />
            </Card>
            <Card title="Cluster and access">
              <dl className="grid grid-cols-3 gap-x-4 gap-y-2 text-sm">
                <dt className="text-slate-500">Cluster</dt>
                <dd className="col-span-2">{request.cluster.name}</dd>
                <dt className="text-slate-500">Account</dt>
                <dd className="col-span-2 font-mono text-xs leading-5">
                  {request.cluster.accountId} ({request.cluster.account.name})
                </dd>
                <dt className="text-slate-500">Region</dt>
                <dd className="col-span-2 font-mono text-xs leading-5">{request.cluster.region}</dd>
                <dt className="text-slate-500">Auth modes</dt>
                <dd className="col-span-2">{request.authModes.join(", ")}</dd>
                <dt className="text-slate-500">Topics</dt>
                <dd className="col-span-2">
                  <TopicAccessSummary value={readTopicAccess(request.topicAccess)} />
                </dd>
                <dt className="text-slate-500">Environment</dt>
                <dd className="col-span-2">{request.environment}</dd>
                <dt className="text-slate-500">Ends</dt>
                <dd className="col-span-2" data-testid="request-ends">
                  {request.endsAt ? `${formatEndDate(request.endsAt)} (00:00 UTC)` : "no end date"}
                </dd>
                {request.preferredMethod ? (
                  <>
                    <dt className="text-slate-500">Asked for</dt>
                    <dd className="col-span-2">multi-VPC private connectivity</dd>
                  </>
                ) : null}
                <dt className="text-slate-500">Traffic</dt>
                <dd className="col-span-2" data-testid="expected-traffic">
                  {request.expectedGbPerMonth === null ? "not estimated" : `${request.expectedGbPerMonth.toLocaleString("en-US")} GB a month`}
                </dd>
              </dl>
            </Card>
          </div>
          <StoredPlanSection
            stored={stored}
            progress={request.steps.length ? progress : undefined}
            cost={requestCostEstimate({ stored, authModes: request.authModes, expectedGbPerMonth: request.expectedGbPerMonth })}
          />
          {connections ? (
            <Card title="Client VPC connections">
              <p className="mb-3 text-sm text-slate-600">
                {connections.showsAll
                  ? `Every client VPC connection MSK lists for ${request.cluster.name} now; those of this request are marked.`
                  : "The client VPC connections MSK lists now that this request accounts for."}
              </p>
              <ClientVpcConnections
                watch={connections.watch}
                clusterId={request.clusterId}
                requestId={request.id}
                reject={connections.mayReject ? rejectConnectionAction : null}
              />
            </Card>
          ) : null}
          {pathAnalysis ? (
            <Card title="Path in AWS">
              <PathAnalysisCard result={pathAnalysis} />
            </Card>
          ) : null}
          {clientChecks && (mayCheckClient || clientChecks.latest) ? (
            <Card title="Reached from the client?">
              <div className="space-y-4">
                {clientChecks.latest ? (
                  <ClientCheckResults latest={clientChecks.latest} />
                ) : (
                  <p className="text-sm text-slate-600">No check has reported from the client&rsquo;s host yet.</p>
                )}
                {mayCheckClient ? <ClientCheckForm requestId={request.id} action={createClientCheckAction} /> : null}
              </div>
            </Card>
          ) : null}
          <Card title="Justification">
            <p className="text-sm whitespace-pre-wrap">{request.justification}</p>
          </Card>
          {request.decidedBy ? (
            <Card title="Decision">
              <p className="text-sm">
                {request.status === "REJECTED" ? "Rejected" : "Approved"} by {request.decidedBy.email}
                {request.decidedAt ? ` on ${formatTime(request.decidedAt)}` : ""}
              </p>
              {request.decisionComment ? <p className="mt-2 text-sm text-slate-700">“{request.decisionComment}”</p> : null}
            </Card>
          ) : null}
        </div>

        <div className="space-y-6">
          <RequestApprovalCard
            view={approvalView}
            status={request.status}
            yours={yourApproval}
            override={may(person, "change-freeze.manage").ok ? overrideFreezeAction : null}
            requestId={request.id}
          />
          {mayDecide ? (
            <Card title="Your decision">
              {blocked ? (
                <p className="mb-3 text-sm text-rose-800">The plan has blocking problems, so it can only be rejected (or re-planned once they are fixed).</p>
              ) : null}
              <DecisionForm request={acted} confirmByNumber={byNumber} action={decideRequest} canApprove={actions.includes("approve")} />
            </Card>
          ) : decidedByAnother ? (
            <Card title="Your decision">
              <p className="text-sm text-slate-600">You filed this request, so another approver decides it.</p>
            </Card>
          ) : null}
          {mayReplan ? (
            <Card title="Plan freshness">
              <p className="mb-2 text-sm text-slate-600">The plan reflects AWS as it was when computed. Re-plan after changing the client&apos;s network.</p>
              <ReplanButton requestId={request.id} action={replanRequestAction} />
            </Card>
          ) : null}
          {mayCheckDrift ? (
            <Card title="Still connected?">
              <p className="mb-2 text-sm text-slate-600">
                {request.driftCheckedAt ? `Last checked against AWS ${formatTime(request.driftCheckedAt)}.` : "Checked against AWS when it became active."}
              </p>
              {pathAnalysis && pathAnalysis.outcome !== "not-analysed" ? (
                <p className="mb-2 text-xs text-slate-500">The check asks Reachability Analyzer again, which can take a minute or two.</p>
              ) : null}
              <ReplanButton requestId={request.id} action={checkDriftAction} label="Check against AWS now" />
            </Card>
          ) : null}
          <ExpiryCard requestId={request.id} view={expiry} ask={askForExtensionAction} decide={decideExtensionAction} />
          {operations.length ? (
            <Card title={request.status === "ACTIVE" ? "No longer needed?" : "Operate"}>
              <OperateForm request={acted} confirmByNumber={byNumber} operations={operations} action={operateRequest} />
            </Card>
          ) : null}
          {actions.includes("cancel") ? (
            <Card title="Changed your mind?">
              <CancelForm request={acted} confirmByNumber={byNumber} action={cancelRequest} />
            </Card>
          ) : null}
          {mayFile ? (
            <Card title="Another like this">
              <RefileLinks requestId={request.id} kind={refileKind(request.status, changes !== null)} recommended={recommended} />
            </Card>
          ) : null}
          <Card title="Timeline">
            <AuditTimeline events={timelineEvents(request.auditEvents)} />
          </Card>
        </div>
      </div>
    </div>
  );
}
