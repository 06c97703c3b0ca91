"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

import { markAllReadAction } from "./actions";

export function MarkAllRead() {
  const [state, action] = useActionState(markAllReadAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <SubmitButton variant="secondary" pendingLabel="Marking…">Mark all read</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
