import { ROLE_LABELS, ROLES, type Role } from "@/lib/domain/roles";
import type { IdpManagement } from "@/lib/domain/people/idp-managed";

import { FieldError } from "@/components/ui/field-error";

// Role and team checkboxes shared by the register and edit forms. What the identity provider manages is shown
// but cannot be changed here: it would be overwritten at the person's next sign-in.
export function AccessFields({
  idPrefix,
  roles,
  teamIds,
  teams,
  managed,
  errors,
}: {
  idPrefix: string;
  roles: readonly Role[];
  teamIds: readonly string[];
  teams: { id: string; name: string }[];
  managed: IdpManagement;
  errors?: Record<string, string[]>;
}) {
  return (
    <>
      <fieldset aria-describedby={`${idPrefix}-roles-error`}>
        <legend className="text-sm font-medium text-slate-800">Roles</legend>
        <div className="mt-1 flex flex-wrap gap-3 text-sm">
          {ROLES.map((role) => {
            const byIdp = managed.roles.includes(role);
            return (
              <label key={role} className="flex items-center gap-1.5">
                <input type="checkbox" name="roles" value={role} defaultChecked={roles.includes(role)} disabled={byIdp} />
                {ROLE_LABELS[role]}
                {byIdp ? <span className="text-xs text-slate-500">(from single sign-on)</span> : null}
              </label>
            );
          })}
        </div>
        <FieldError id={`${idPrefix}-roles-error`} messages={errors?.roles} />
      </fieldset>
      <fieldset aria-describedby={`${idPrefix}-teams-error`}>
        <legend className="text-sm font-medium text-slate-800">Teams</legend>
        {managed.teams ? (
          <p className="text-xs text-slate-500">Teams come from the identity provider&apos;s groups at each sign-in; change them there.</p>
        ) : (
          <div className="mt-1 flex flex-wrap gap-3 text-sm">
            {teams.map((team) => (
              <label key={team.id} className="flex items-center gap-1.5">
                <input type="checkbox" name="teamIds" value={team.id} defaultChecked={teamIds.includes(team.id)} />
                {team.name}
              </label>
            ))}
          </div>
        )}
        <FieldError id={`${idPrefix}-teams-error`} messages={errors?.teamIds} />
      </fieldset>
    </>
  );
}
