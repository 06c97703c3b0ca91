"use client";

import { useActionState } from "react";

import { SubmitButton } from "@/components/ui/submit-button";

import { removeAccountAction } from "./actions";

export function RemoveAccountButton({ id, clusters }: { id: string; clusters: number }) {
  const [state, action] = useActionState(removeAccountAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingLabel="Removing…">
        {clusters > 0 ? `Remove with its ${clusters} catalog cluster(s)` : "Remove"}
      </SubmitButton>
      {state && !state.ok ? (
        <span className="text-xs text-rose-700" aria-live="polite">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
