"use client";

import { useActionState } from "react";

import type { ActionState } from "@/lib/auth/action-state";
import type { IdpManagement } from "@/lib/domain/people/idp-managed";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { TEXT_LIMITS } from "@/lib/domain/validation/text-limits";

import { AccessFields } from "./access-fields";
import { registerPersonAction } from "./actions";

export function RegisterPersonForm({ teams, managed }: { teams: { id: string; name: string }[]; managed: IdpManagement }) {
  const [state, action] = useActionState(async (prev: ActionState, form: FormData) => registerPersonAction(prev, form), null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="email" label="E-mail" placeholder="name@example.com" maxLength={TEXT_LIMITS.email} errors={errors} hint="Single sign-on attaches to this record when the provider has verified the address" />
        <TextField name="name" label="Name" placeholder="Optional: the e-mail is shown until they sign in" maxLength={TEXT_LIMITS.personName} errors={errors} />
      </div>
      <AccessFields idPrefix="register" roles={["requester"]} teamIds={[]} teams={teams} managed={managed} errors={errors} />
      <SubmitButton pendingLabel="Registering…">Register person</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
