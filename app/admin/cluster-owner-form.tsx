"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/auth/action-state";

/** Which team owns the cluster: approval policies may need one approval from its members. */
export function ClusterOwnerForm({
  id,
  name,
  ownerTeamId,
  teams,
  action,
}: {
  id: string;
  name: string;
  ownerTeamId: string | null;
  teams: { id: string; name: string }[];
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, formAction] = useActionState(action, null);
  const selectId = `owner-${id}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2 text-sm" data-testid="cluster-owner-form">
      <input type="hidden" name="id" value={id} />
      <label htmlFor={selectId} className="text-slate-600">
        Owner team of {name}
      </label>
      <select id={selectId} name="ownerTeamId" defaultValue={ownerTeamId ?? ""} className="rounded-md border border-slate-300 px-2 py-1">
        <option value="">None</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save owner
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
