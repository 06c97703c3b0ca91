"use client";

import { useFormStatus } from "react-dom";

import { buttonStyles } from "./button-styles";

export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  name,
  value,
}: {
  children: string;
  pendingLabel?: string;
  variant?: keyof typeof buttonStyles;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} disabled={pending} aria-disabled={pending} className={buttonStyles[variant]}>
      {pending ? (pendingLabel ?? "Working…") : children}
    </button>
  );
}
