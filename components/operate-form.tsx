"use client";

import { useActionState } from "react";

import type { ActionState } from "@/lib/auth/action-state";

import { ReasonedActionDialog } from "./reasoned-action-dialog";
import { FormMessage } from "./ui/form-message";
import { SubmitButton } from "./ui/submit-button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
type Operation = "retry" | "rollback" | "decommission";

// Retry finishes what was asked and goes at once; rolling back and decommissioning undo it, so each asks for a
// reason (and a production request's number) first.
const UNDOING = {
  rollback: {
    label: "Roll back",
    pending: "Rolling back…",
    variant: "secondary",
    consequence: "Everything this request created in AWS is removed, newest first. Nothing that was there before is touched.",
  },
  decommission: {
    label: "Decommission",
    pending: "Decommissioning…",
    variant: "danger",
    consequence: "The client loses its connection to the cluster: what this request created is removed; what other live requests still use stays.",
  },
} as const;

export function OperateForm({
  request,
  confirmByNumber,
  operations,
  action,
}: {
  request: { id: string; version: number; number: number };
  confirmByNumber: boolean;
  operations: Operation[];
  action: Action;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {operations.includes("retry") ? (
          <form action={formAction}>
            <input type="hidden" name="requestId" value={request.id} />
            <input type="hidden" name="version" value={request.version} />
            <SubmitButton name="operation" value="retry" pendingLabel="Retrying…">
              Retry
            </SubmitButton>
          </form>
        ) : null}
        {(["rollback", "decommission"] as const)
          .filter((op) => operations.includes(op))
          .map((op) => (
            <ReasonedActionDialog
              key={op}
              label={UNDOING[op].label}
              title={`${UNDOING[op].label} request #${request.number}?`}
              consequence={UNDOING[op].consequence}
              variant={UNDOING[op].variant}
              request={request}
              confirmByNumber={confirmByNumber}
              action={action}
              fields={{ operation: op }}
              pendingLabel={UNDOING[op].pending}
            />
          ))}
      </div>
      <FormMessage state={state} />
    </div>
  );
}
