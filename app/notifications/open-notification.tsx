"use client";

import { useActionState } from "react";

import { openNotificationAction } from "./actions";

// A button, not a link: opening marks the notification read on the server before going to the request.
export function OpenNotification({ id, title, read }: { id: string; title: string; read: boolean }) {
  const [state, action, pending] = useActionState(openNotificationAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="notificationId" value={id} />
      <button
        type="submit"
        disabled={pending}
        className={`text-left text-sm hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600 ${read ? "text-slate-700" : "font-semibold text-slate-900"}`}
      >
        {title}
      </button>
      {state && !state.ok ? <span className="ml-2 text-xs text-rose-700" aria-live="polite">{state.message}</span> : null}
    </form>
  );
}
