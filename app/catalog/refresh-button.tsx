"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

import { refreshCatalogAction } from "./actions";

export function RefreshCatalogButton() {
  const [state, action] = useActionState(refreshCatalogAction, null);
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      <SubmitButton variant="secondary" pendingLabel="Reading AWS…">
        Refresh from AWS
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
