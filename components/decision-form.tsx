"use client";

import { useActionState } from "react";

import type { ActionState } from "@/lib/auth/action-state";
import { REQUEST_LIMITS } from "@/lib/domain/validation/request-limits";

import { inputStyles } from "./ui/button-styles";
import { FieldError } from "./ui/field-error";
import { FormMessage } from "./ui/form-message";
import { SubmitButton } from "./ui/submit-button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export function DecisionForm({ requestId, version, action, canApprove = true }: { requestId: string; version: number; action: Action; canApprove?: boolean }) {
  const [state, formAction] = useActionState(action, null);
  const commentErrors = state && !state.ok ? state.fieldErrors?.comment : undefined;
  const commentId = `comment-${requestId}`;
  return (
    <form action={formAction} className="space-y-3" data-testid="decision-form">
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
          placeholder="Optional when approving; required when rejecting"
          aria-describedby={`${commentId}-error`}
          aria-invalid={Boolean(commentErrors)}
        />
        <FieldError id={`${commentId}-error`} messages={commentErrors} />
      </div>
      <div className="flex gap-2">
        {canApprove ? (
          <SubmitButton name="decision" value="approve" pendingLabel="Saving…">
            Approve
          </SubmitButton>
        ) : null}
        <SubmitButton name="decision" value="reject" variant="danger" pendingLabel="Saving…">
          Reject
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
