import { useId } from "react";

import { inputStyles } from "./button-styles";
import { FieldError } from "./field-error";

// A labelled input whose errors (from a server action's field map, matched by name or name prefix) are read
// out by screen readers and tied to the input. Ids are unique per instance: a page may hold the same form
// several times (the admin page has one per account), and a repeated id ties labels and errors to the wrong input.
export function TextField({
  name,
  label,
  defaultValue,
  hint,
  placeholder,
  maxLength,
  errors,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  hint?: string;
  placeholder?: string;
  /** The schema's limit, so the browser stops typing there instead of the server refusing it afterwards. */
  maxLength?: number;
  errors?: Record<string, string[]>;
}) {
  const messages = Object.entries(errors ?? {})
    .filter(([k]) => k === name || k.startsWith(`${name}.`))
    .flatMap(([, m]) => m);
  const id = `${useId()}${name}`;
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      <input
        id={id}
        name={name}
        defaultValue={defaultValue}
        placeholder={placeholder}
        maxLength={maxLength}
        className={`${inputStyles} mt-1`}
        aria-describedby={errorId}
        aria-invalid={messages.length > 0}
      />
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}
