"use client";

import { useActionState } from "react";

import type { ActionState } from "@/lib/auth/action-state";

import { FormMessage } from "./ui/form-message";
import { SubmitButton } from "./ui/submit-button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** For an operator on a drifted connection: run its altered or missing changes again, then verify. */
export function ReapplyForm({ request, action }: { request: { id: string; version: number }; action: Action }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-3 space-y-2" data-testid="reapply">
      <input type="hidden" name="requestId" value={request.id} />
      <input type="hidden" name="version" value={request.version} />
      <p>
        Re-applying runs the changes named above again (and the ones that depend on them), each finding first what
        is still in place, then checks everything against AWS. The request shows as approved until it is active again.
      </p>
      <SubmitButton name="operation" value="reapply" pendingLabel="Re-applying…" variant="secondary">
        Re-apply these changes
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
