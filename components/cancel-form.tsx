"use client";

import { useActionState } from "react";

import type { ActionState } from "@/lib/auth/action-state";

import { FormMessage } from "./ui/form-message";
import { SubmitButton } from "./ui/submit-button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export function CancelForm({ requestId, version, action }: { requestId: string; version: number; action: Action }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton variant="secondary" pendingLabel="Cancelling…">
        Cancel request
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
