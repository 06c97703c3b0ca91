"use client";

import { useActionState } from "react";

import type { IdpManagement } from "@/lib/domain/people/idp-managed";
import type { Role } from "@/lib/domain/roles";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

import { AccessFields } from "./access-fields";
import { updatePersonAction } from "./actions";

export function EditPersonForm({
  person,
  teams,
  managed,
}: {
  person: { id: string; roles: Role[]; teamIds: string[] };
  teams: { id: string; name: string }[];
  managed: IdpManagement;
}) {
  const [state, action] = useActionState(updatePersonAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="userId" value={person.id} />
      <AccessFields idPrefix={`edit-${person.id}`} roles={person.roles} teamIds={person.teamIds} teams={teams} managed={managed} errors={errors} />
      <SubmitButton pendingLabel="Saving…">Save access</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
