"use client";

import { useActionState } from "react";

import { buttonStyles } from "@/components/ui/button-styles";

import { signInWithSso } from "./actions";

export function SsoSignIn() {
  const [state, action, pending] = useActionState(signInWithSso, null);
  return (
    <form action={action} className="space-y-2">
      <button type="submit" disabled={pending} aria-describedby="sso-sign-in-message" className={`${buttonStyles.primary} w-full`}>
        Sign in with single sign-on
      </button>
      <p id="sso-sign-in-message" role="status" aria-live="polite" className="text-sm text-rose-700" data-testid="sso-sign-in-message">
        {state?.message}
      </p>
    </form>
  );
}
