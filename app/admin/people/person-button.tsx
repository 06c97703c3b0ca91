"use client";

import { useActionState } from "react";

import type { ActionState } from "@/lib/auth/action-state";

import { SubmitButton } from "@/components/ui/submit-button";

import { deactivatePersonAction, reactivatePersonAction, revokeAnyTokenAction, revokePersonSessionsAction } from "./actions";

const ACTIONS = {
  deactivate: { run: deactivatePersonAction, label: "Deactivate", pending: "Deactivating…", field: "userId", variant: "danger" },
  reactivate: { run: reactivatePersonAction, label: "Reactivate", pending: "Reactivating…", field: "userId", variant: "secondary" },
  "sign-out": { run: revokePersonSessionsAction, label: "Sign out everywhere", pending: "Signing out…", field: "userId", variant: "secondary" },
  "revoke-token": { run: revokeAnyTokenAction, label: "Revoke", pending: "Revoking…", field: "tokenId", variant: "secondary" },
} as const satisfies Record<string, { run: (prev: ActionState, form: FormData) => Promise<ActionState>; label: string; pending: string; field: string; variant: "danger" | "secondary" }>;

/** One-click operations on a person or a token, with the outcome read out beside the button. */
export function PersonButton({ operation, id }: { operation: keyof typeof ACTIONS; id: string }) {
  const spec = ACTIONS[operation];
  const [state, action] = useActionState(spec.run, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name={spec.field} value={id} />
      <SubmitButton variant={spec.variant} pendingLabel={spec.pending}>{spec.label}</SubmitButton>
      <span className={`text-xs ${state?.ok ? "text-emerald-700" : "text-rose-700"}`} aria-live="polite">{state?.message}</span>
    </form>
  );
}
