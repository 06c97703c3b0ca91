"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";

import type { ActionState } from "@/lib/auth/action-state";
import { REASON_MIN } from "@/lib/domain/reasoned-actions";
import { REQUEST_LIMITS } from "@/lib/domain/validation/request-limits";

import { buttonStyles, inputStyles } from "./ui/button-styles";
import { FieldError } from "./ui/field-error";
import { FormMessage } from "./ui/form-message";
import { SubmitButton } from "./ui/submit-button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export type ReasonedActionProps = {
  /** The button that opens the dialog, and the dialog's confirm button ("Decommission #12"). */
  label: string;
  title: string;
  /** What happens, in a sentence the person reads before confirming. */
  consequence: string;
  variant?: "primary" | "secondary" | "danger";
  request: { id: string; version: number; number: number };
  /** Production requests are confirmed by typing their number. */
  confirmByNumber: boolean;
  action: Action;
  fields?: Record<string, string>;
  pendingLabel?: string;
};

// A native modal <dialog>: the browser keeps focus inside it, makes the page behind inert and closes it on
// Escape; focus goes back to the button that opened it.
export function ReasonedActionDialog({ label, title, consequence, variant = "danger", request, confirmByNumber, action, fields = {}, pendingLabel }: ReasonedActionProps) {
  const [state, formAction] = useActionState(action, null);
  const [typed, setTyped] = useState("");
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const confirmed = !confirmByNumber || typed.trim().replace(/^#/, "") === String(request.number);

  useEffect(() => {
    if (state?.ok) dialog.current?.close();
  }, [state]);

  const open = () => {
    setTyped("");
    dialog.current?.showModal();
  };
  const close = () => dialog.current?.close();

  return (
    <div>
      <button ref={opener} type="button" onClick={open} className={buttonStyles[variant]} aria-haspopup="dialog">
        {label}
      </button>
      {state?.ok ? <div className="mt-2"><FormMessage state={state} /></div> : null}
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-what`}
        onClose={() => opener.current?.focus()}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50"
        data-testid="reasoned-action-dialog"
      >
        <form action={formAction} className="space-y-4 p-5" noValidate>
          <input type="hidden" name="requestId" value={request.id} />
          <input type="hidden" name="version" value={request.version} />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <p id={`${id}-what`} className="text-sm text-slate-700">
            {consequence}
          </p>
          <div>
            <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-800">
              Reason
            </label>
            <p className="text-xs text-slate-500">At least {REASON_MIN} characters; kept in the audit history and shown to the team.</p>
            <textarea
              id={`${id}-reason`}
              name="comment"
              rows={3}
              maxLength={REQUEST_LIMITS.comment}
              autoFocus
              className={`${inputStyles} mt-1`}
              aria-describedby={`${id}-reason-error`}
              aria-invalid={Boolean(errors.comment)}
            />
            <FieldError id={`${id}-reason-error`} messages={errors.comment} />
          </div>
          {confirmByNumber ? (
            <div>
              <label htmlFor={`${id}-confirm`} className="block text-sm font-medium text-slate-800">
                This is a production connection. Type its number, {request.number}, to confirm
              </label>
              <input
                id={`${id}-confirm`}
                name="confirmation"
                inputMode="numeric"
                autoComplete="off"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                className={`${inputStyles} mt-1 max-w-[10rem] font-mono`}
                aria-describedby={`${id}-confirm-error`}
                aria-invalid={Boolean(errors.confirmation)}
              />
              <FieldError id={`${id}-confirm-error`} messages={errors.confirmation} />
            </div>
          ) : null}
          {state && !state.ok ? <FormMessage state={state} /> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" onClick={close} className={buttonStyles.secondary}>
              Keep it
            </button>
            {confirmed ? (
              <SubmitButton variant={variant} pendingLabel={pendingLabel}>{`${label} #${request.number}`}</SubmitButton>
            ) : (
              <button type="submit" disabled aria-disabled className={buttonStyles[variant]}>
                {`${label} #${request.number}`}
              </button>
            )}
          </div>
        </form>
      </dialog>
    </div>
  );
}
