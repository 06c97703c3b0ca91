"use client";

import { useActionState } from "react";

import type { ActionState } from "@/lib/auth/action-state";
import { REQUEST_LIMITS } from "@/lib/domain/validation/request-limits";

import { ReasonedActionDialog } from "./reasoned-action-dialog";
import { inputStyles } from "./ui/button-styles";
import { FieldError } from "./ui/field-error";
import { FormMessage } from "./ui/form-message";
import { SubmitButton } from "./ui/submit-button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

type Decided = { id: string; version: number; number: number };

// Approving is one click with an optional comment; rejecting ends the request, so it asks for a reason (and a
// production request's number) in a dialog of its own.
export function DecisionForm({
  request,
  confirmByNumber,
  action,
  canApprove = true,
}: {
  request: Decided;
  confirmByNumber: boolean;
  action: Action;
  canApprove?: boolean;
}) {
  const { id: requestId, version } = request;
  const [state, formAction] = useActionState(action, null);
  const commentErrors = state && !state.ok ? state.fieldErrors?.comment : undefined;
  const commentId = `comment-${requestId}`;
  return (
    <div className="space-y-3" data-testid="decision-form">
      {canApprove ? (
        <form action={formAction} className="space-y-3">
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="version" value={version} />
          <div>
            <label htmlFor={commentId} className="block text-sm font-medium text-slate-800">
              Comment
            </label>
            <textarea
              id={commentId}
              name="comment"
              rows={2}
              maxLength={REQUEST_LIMITS.comment}
              className={inputStyles}
              placeholder="Optional; the requester reads it"
              aria-describedby={`${commentId}-error`}
              aria-invalid={Boolean(commentErrors)}
            />
            <FieldError id={`${commentId}-error`} messages={commentErrors} />
          </div>
          <SubmitButton name="decision" value="approve" pendingLabel="Saving…">
            Approve
          </SubmitButton>
        </form>
      ) : null}
      {/* Outside the form: after an approval that counts, the page no longer offers this person the button, and
          what the approval led to ("1 of 2 approvals; …") must stay in view. */}
      <FormMessage state={state} />
      <ReasonedActionDialog
        label="Reject"
        title={`Reject request #${request.number}?`}
        consequence="The request ends here and nothing is built in AWS. The requester reads your reason and can edit and re-file."
        request={request}
        confirmByNumber={confirmByNumber}
        action={action}
        fields={{ decision: "reject" }}
        pendingLabel="Rejecting…"
      />
    </div>
  );
}
