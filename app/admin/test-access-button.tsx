"use client";

import { useActionState } from "react";

import { SubmitButton } from "@/components/ui/submit-button";

import { testAccessAction } from "./actions";

const OUTCOME_STYLE = {
  allowed: "text-emerald-700",
  missing: "text-rose-700 font-medium",
  "not-tried": "text-slate-500",
} as const;
const OUTCOME_LABEL = { allowed: "allowed", missing: "missing", "not-tried": "not tried" } as const;

/** Assumes the account's role and tries what the portal needs there; shows what is missing, per action. */
export function TestAccessButton({ id }: { id: string }) {
  const [state, action] = useActionState(testAccessAction, null);
  const missing = state?.ok ? state.report.checks.filter((c) => c.outcome === "missing") : [];
  return (
    <div className="space-y-2" data-testid="test-access">
      <form action={action}>
        <input type="hidden" name="id" value={id} />
        <SubmitButton variant="secondary" pendingLabel="Testing…">
          Test access
        </SubmitButton>
      </form>
      <div aria-live="polite">
        {state && !state.ok ? <p className="text-sm text-rose-700">{state.message}</p> : null}
        {state?.ok && !state.report.assumed ? <p className="text-sm text-rose-700">{state.report.problem}</p> : null}
        {state?.ok && state.report.assumed ? (
          <div className="space-y-2 text-sm">
            <p className={missing.length ? "text-rose-700" : "text-emerald-700"}>
              {missing.length
                ? `The role lacks ${missing.length} action${missing.length === 1 ? "" : "s"} in ${state.report.region}.`
                : `The role holds every action that could be tried in ${state.report.region}.`}
            </p>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-xs">
                <thead className="text-slate-500">
                  <tr>
                    <th className="py-1 pr-3 font-medium">Action</th>
                    <th className="py-1 pr-3 font-medium">Result</th>
                    <th className="py-1 font-medium">What AWS said</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {[...state.report.checks]
                    .sort((a, b) => Number(b.outcome === "missing") - Number(a.outcome === "missing"))
                    .map((c) => (
                      <tr key={c.action}>
                        <td className="py-1 pr-3 font-mono break-all">{c.action}</td>
                        <td className={`py-1 pr-3 whitespace-nowrap ${OUTCOME_STYLE[c.outcome]}`}>{OUTCOME_LABEL[c.outcome]}</td>
                        <td className="py-1 text-slate-600">{c.detail}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
