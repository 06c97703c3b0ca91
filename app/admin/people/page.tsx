import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTime } from "@/components/ui/format-time";
import { PageHeader } from "@/components/ui/page-header";
import { TokenTable } from "@/components/tokens/token-table";
import { requirePageUser } from "@/lib/auth/guard";
import { currentIdpManagement } from "@/lib/auth/idp-management";
import { listTeams } from "@/lib/db/catalog/list-catalog";
import { listPeople } from "@/lib/db/people/list-people";
import { listLiveTokens } from "@/lib/db/tokens/manage-tokens";
import { ROLE_LABELS } from "@/lib/domain/roles";

import { EditPersonForm } from "./edit-person-form";
import { PersonButton } from "./person-button";
import { RegisterPersonForm } from "./register-person-form";

export const metadata = { title: "People" };

export default async function PeoplePage() {
  await requirePageUser("people.manage");
  const [people, teams, tokens] = await Promise.all([listPeople(), listTeams(), listLiveTokens()]);
  const managed = currentIdpManagement();
  return (
    <>
      <PageHeader
        title="People"
        description="Who may use the portal, with which roles and teams. Changing someone's access or deactivating them ends their sessions at once; every change is in the audit history."
      />
      <div className="space-y-6">
        {managed.roles.length > 0 ? (
          <p className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">
            Single sign-on decides {managed.roles.map((r) => ROLE_LABELS[r]).join(", ")} and teams at every sign-in (AUTH_OIDC_ROLE_MAP and
            team groups). Other roles are set here.
          </p>
        ) : null}
        <Card title="Everybody">
          <ul className="divide-y divide-slate-100">
            {people.map((p) => (
              <li key={p.id} className="py-3" data-testid="person-row">
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-center justify-between gap-2 text-sm">
                    <span>
                      <span className="font-medium">{p.email}</span> <span className="text-slate-600">{p.name !== p.email ? p.name : ""}</span>
                      <span className="ml-2 text-xs text-slate-500">
                        {p.roles.map((r) => ROLE_LABELS[r]).join(", ") || "no roles"}
                        {p.teams.length ? ` · ${p.teams.map((t) => t.name).join(", ")}` : ""}
                        {` · last seen ${p.lastSeenAt ? formatTime(p.lastSeenAt) : "never"}`}
                      </span>
                    </span>
                    <span className={`text-xs font-medium ${p.deactivatedAt ? "text-rose-700" : "text-emerald-700"}`} data-testid="person-status">
                      {p.deactivatedAt ? `Deactivated ${formatTime(p.deactivatedAt)}` : "Active"}
                    </span>
                  </summary>
                  <div className="mt-3 space-y-3">
                    <EditPersonForm person={{ id: p.id, roles: p.roles, teamIds: p.teams.map((t) => t.id) }} teams={teams} managed={managed} />
                    <div className="flex flex-wrap gap-3">
                      {p.deactivatedAt ? <PersonButton operation="reactivate" id={p.id} /> : <PersonButton operation="deactivate" id={p.id} />}
                      {p.deactivatedAt ? null : <PersonButton operation="sign-out" id={p.id} />}
                    </div>
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Register a person">
          <RegisterPersonForm teams={teams} managed={managed} />
        </Card>
        <Card title="Everyone's live API tokens">
          {tokens.length === 0 ? (
            <EmptyState title="No live tokens">People create their own on the API tokens page.</EmptyState>
          ) : (
            <TokenTable tokens={tokens} revoke={(id) => <PersonButton operation="revoke-token" id={id} />} />
          )}
        </Card>
      </div>
    </>
  );
}
