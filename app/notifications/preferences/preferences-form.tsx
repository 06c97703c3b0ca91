"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

import { savePreferencesAction } from "../actions";

type Row = { type: string; label: string; describe: string; inApp: boolean; email: boolean };

export function PreferencesForm({ rows, email }: { rows: Row[]; email: string }) {
  const [state, action] = useActionState(savePreferencesAction, null);
  return (
    <form action={action} className="space-y-4">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">Event</th>
            <th scope="col" className="w-20 py-2 text-center font-medium">In the portal</th>
            <th scope="col" className="w-20 py-2 text-center font-medium">E-mail</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.type}>
              <th scope="row" className="py-2 pr-3 font-normal">
                <span className="font-medium text-slate-900">{row.label}</span>
                <span className="block text-xs text-slate-500">{row.describe}</span>
              </th>
              <td className="py-2 text-center">
                <input type="checkbox" name={`${row.type}.inApp`} defaultChecked={row.inApp} aria-label={`${row.label} in the portal`} className="h-4 w-4" />
              </td>
              <td className="py-2 text-center">
                <input type="checkbox" name={`${row.type}.email`} defaultChecked={row.email} aria-label={`${row.label} by e-mail`} className="h-4 w-4" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">E-mail goes to {email}.</p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Saving…">Save choices</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
