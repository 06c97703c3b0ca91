"use client";

import { useActionState, useState } from "react";

import type { ActionState } from "@/lib/auth/action-state";

import { buttonStyles } from "./ui/button-styles";
import { FormMessage } from "./ui/form-message";
import { SubmitButton } from "./ui/submit-button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

// Rejecting cuts a client off the cluster and cannot be taken back (only its owner can delete it and connect
// anew), so the button asks once more before it submits.
export function RejectConnectionForm(props: {
  clusterId: string;
  connectionArn: string;
  ownerAccount: string;
  requestId?: string;
  action: Action;
}) {
  const [state, formAction] = useActionState(props.action, null);
  const [confirming, setConfirming] = useState(false);
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="clusterId" value={props.clusterId} />
      <input type="hidden" name="connectionArn" value={props.connectionArn} />
      {props.requestId ? <input type="hidden" name="requestId" value={props.requestId} /> : null}
      {confirming ? (
        <div className="space-y-2" role="group" aria-label="Confirm rejection">
          <p className="text-xs text-rose-800">
            Cut off account {props.ownerAccount}? Its owner must delete the connection and create a new one to come back.
          </p>
          <div className="flex gap-2">
            <SubmitButton variant="danger" pendingLabel="Rejecting…">
              Yes, reject
            </SubmitButton>
            <button type="button" className={buttonStyles.secondary} onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={buttonStyles.danger} onClick={() => setConfirming(true)}>
          Reject
        </button>
      )}
      <FormMessage state={state} />
    </form>
  );
}
