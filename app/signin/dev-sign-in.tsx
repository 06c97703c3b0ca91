"use client";

import { useActionState } from "react";

import { buttonStyles } from "@/components/ui/button-styles";

import { signInAsDevUser } from "./actions";

export function DevSignIn({ users }: { users: { email: string; name: string; roles: string }[] }) {
  const [state, action, pending] = useActionState(signInAsDevUser, null);
  return (
    <form action={action} className="space-y-2">
      <p className="text-sm text-slate-600">Development sign-in: choose a demo user (not available in production).</p>
      <ul className="space-y-2">
        {users.map((u) => (
          <li key={u.email}>
            <button
              type="submit"
              name="email"
              value={u.email}
              disabled={pending}
              className={`${buttonStyles.secondary} w-full justify-between`}
            >
              <span>{u.name}</span>
              <span className="text-xs text-slate-500">
                {u.email} · {u.roles}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className="text-sm text-rose-700" data-testid="dev-sign-in-message">
        {state?.message}
      </p>
    </form>
  );
}
