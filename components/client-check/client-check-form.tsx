"use client";

import { useActionState } from "react";

import type { ActionState } from "@/lib/auth/action-state";

import { CopyBlock } from "../copy-block";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

// The command carries a one-time token, shown only in this answer: reloading the page does not show it again.
export function ClientCheckForm({ requestId, action }: { requestId: string; action: Action }) {
  const [state, formAction] = useActionState(action, null);
  const command = state?.ok ? state.data?.command : undefined;
  return (
    <form action={formAction} className="space-y-3" data-testid="client-check-form">
      <input type="hidden" name="requestId" value={requestId} />
      {command ? (
        <div className="space-y-2" data-testid="client-check-command">
          <CopyBlock label="Run on the client's host" text={command} />
          <FormMessage state={state} />
        </div>
      ) : (
        <>
          <SubmitButton variant="secondary" pendingLabel="Creating…">
            Create a check command
          </SubmitButton>
          <FormMessage state={state} />
        </>
      )}
      <p className="text-xs text-slate-600">
        It resolves each broker, connects to its port and completes a TLS handshake where the port speaks TLS, prints what it found and
        reports the same here. It changes nothing on the host; it needs bash, curl and coreutils, openssl for TLS, and getent or dig to resolve.
      </p>
    </form>
  );
}
