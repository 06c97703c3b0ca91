"use client";

import { useActionState } from "react";

import type { ActionState } from "@/lib/auth/action-state";

import { FormMessage } from "./ui/form-message";
import { SubmitButton } from "./ui/submit-button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
type Operation = "retry" | "rollback" | "decommission";

const LABELS: Record<Operation, { button: string; pending: string; variant: "primary" | "secondary" | "danger" }> = {
  retry: { button: "Retry", pending: "Retrying…", variant: "primary" },
  rollback: { button: "Roll back", pending: "Rolling back…", variant: "secondary" },
  decommission: { button: "Decommission", pending: "Decommissioning…", variant: "danger" },
};

export function OperateForm({ requestId, version, operations, action }: { requestId: string; version: number; operations: Operation[]; action: Action }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap gap-2">
        {operations.map((op) => (
          <SubmitButton key={op} name="operation" value={op} variant={LABELS[op].variant} pendingLabel={LABELS[op].pending}>
            {LABELS[op].button}
          </SubmitButton>
        ))}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
