"use client";

import { useActionState } from "react";

import { SubmitButton } from "@/components/ui/submit-button";

import { revokeTokenAction } from "./actions";

export function RevokeTokenButton({ tokenId }: { tokenId: string }) {
  const [state, action] = useActionState(revokeTokenAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <SubmitButton variant="secondary" pendingLabel="Revoking…">Revoke</SubmitButton>
      {state && !state.ok ? <span className="text-xs text-rose-700" aria-live="polite">{state.message}</span> : null}
    </form>
  );
}
