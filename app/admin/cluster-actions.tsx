"use client";

import { useActionState } from "react";

import { SubmitButton } from "@/components/ui/submit-button";

import { manageClusterAction } from "./actions";

// Removal is offered only for a cluster no request names: the server refuses the others anyway, and
// archiving is what keeps their history readable.
export function ClusterActions({ id, name, archived, removable }: { id: string; name: string; archived: boolean; removable: boolean }) {
  const [state, action] = useActionState(manageClusterAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" aria-label={`Manage ${name}`}>
      <input type="hidden" name="id" value={id} />
      {archived ? (
        <SubmitButton variant="secondary" name="operation" value="restore" pendingLabel="Restoring…">
          Restore
        </SubmitButton>
      ) : (
        <SubmitButton variant="secondary" name="operation" value="archive" pendingLabel="Archiving…">
          Archive
        </SubmitButton>
      )}
      {removable ? (
        <SubmitButton variant="secondary" name="operation" value="remove" pendingLabel="Removing…">
          Remove
        </SubmitButton>
      ) : null}
      {state && !state.ok ? (
        <span className="text-xs text-rose-700" aria-live="polite">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
