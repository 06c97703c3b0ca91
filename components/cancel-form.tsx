"use client";

import type { ActionState } from "@/lib/auth/action-state";

import { ReasonedActionDialog } from "./reasoned-action-dialog";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export function CancelForm({ request, confirmByNumber, action }: { request: { id: string; version: number; number: number }; confirmByNumber: boolean; action: Action }) {
  return (
    <ReasonedActionDialog
      label="Cancel request"
      title={`Cancel request #${request.number}?`}
      consequence="Nobody will decide it and nothing is built in AWS. You can file it again later."
      variant="secondary"
      request={request}
      confirmByNumber={confirmByNumber}
      action={action}
      pendingLabel="Cancelling…"
    />
  );
}
