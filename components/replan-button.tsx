"use client";

import { useActionState } from "react";

import type { ActionState } from "@/lib/auth/action-state";

import { FormMessage } from "./ui/form-message";
import { SubmitButton } from "./ui/submit-button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export function ReplanButton({ requestId, action, label = "Re-plan from current AWS state" }: { requestId: string; action: Action; label?: string }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton variant="secondary" pendingLabel="Reading AWS…">
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
