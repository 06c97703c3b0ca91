"use client";

import { useActionState, useState } from "react";

import type { ActionState } from "@/lib/auth/action-state";
import { REQUEST_LIMITS } from "@/lib/domain/validation/request-limits";

import { buttonStyles, inputStyles } from "../ui/button-styles";
import { FieldError } from "../ui/field-error";
import { FormMessage } from "../ui/form-message";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

// Approve or reject in one form: the button pressed is the decision; rejecting needs the comment.
export function ExtensionDecisionForm({
  requestId,
  extensionId,
  action,
  approveRefusal,
}: {
  requestId: string;
  extensionId: string;
  action: Action;
  /** Why this person's approval would not count under the extension's policy; they may still reject it. */
  approveRefusal: string | null;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled, so that the comment survives the form reset after a refused submission.
  const [comment, setComment] = useState("");
  const errors = state && !state.ok ? state.fieldErrors?.comment : undefined;
  return (
    <form action={formAction} className="space-y-3" data-testid="extension-decision-form">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="extensionId" value={extensionId} />
      <div>
        <label htmlFor="extension-comment" className="block text-sm font-medium text-slate-800">
          Comment
        </label>
        <textarea id="extension-comment" name="comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={REQUEST_LIMITS.comment} className={inputStyles} placeholder="Optional to approve; needed to reject" aria-describedby="extension-comment-error" aria-invalid={Boolean(errors)} />
        <FieldError id="extension-comment-error" messages={errors} />
      </div>
      {approveRefusal ? <p className="text-sm text-slate-600">{approveRefusal}</p> : null}
      <div className="flex flex-wrap gap-2">
        {approveRefusal ? null : (
          <button type="submit" name="decision" value="approve" disabled={pending} className={buttonStyles.primary}>
            Approve extension
          </button>
        )}
        <button type="submit" name="decision" value="reject" disabled={pending} className={buttonStyles.secondary}>
          Reject extension
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
