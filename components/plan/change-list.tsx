import type { PlanStep } from "@/lib/domain/plan/plan-types";

export type StepProgress = {
  status: string;
  attempts: number;
  error: string | null;
  createdResources: unknown;
  waitingFor: string | null;
  /** After a rollback or decommission: removed, never ran, kept: used by #n. */
  outcome?: string | null;
};

const STEP_STATUS_TEXT: Record<string, string> = {
  PENDING: "pending",
  RUNNING: "running",
  SUCCEEDED: "done",
  FAILED: "failed",
  SKIPPED: "kept",
  UNDOING: "undoing",
  UNDONE: "undone",
};

function createdIds(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((c: unknown) => (c && typeof c === "object" && "id" in c && typeof c.id === "string" ? [c.id] : [])) : [];
}

// The plan as a person reviews it: what is added where, grouped by the account and region it happens in,
// with the exact SDK call behind each line one click away.
export function ChangeList({ steps, progress }: { steps: PlanStep[]; progress?: Map<string, StepProgress> }) {
  if (steps.length === 0) return <p className="text-sm text-slate-600">No AWS changes are needed.</p>;
  const groups = new Map<string, PlanStep[]>();
  for (const step of steps) {
    const key = `${step.account} · ${step.region}`;
    groups.set(key, [...(groups.get(key) ?? []), step]);
  }
  let position = 0;
  return (
    <div className="space-y-4" data-testid="change-list">
      {[...groups.entries()].map(([where, group]) => (
        <div key={where}>
          <h3 className="mb-1 font-mono text-xs font-semibold text-slate-500">{where}</h3>
          <ol className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
            {group.map((step) => {
              position += 1;
              const state = progress?.get(step.key);
              return (
                <li key={step.key} className="px-3 py-2 text-sm" data-step-kind={step.kind}>
                  <details>
                    <summary className="flex cursor-pointer items-start gap-2">
                      <span className="w-6 shrink-0 text-right text-xs text-slate-400">{position}.</span>
                      <span className="flex-1">{step.summary}</span>
                      {state ? (
                        <span className={`text-xs font-medium ${state.status === "FAILED" ? "text-rose-700" : state.status === "SUCCEEDED" ? "text-emerald-700" : "text-slate-600"}`} data-step-status={state.status}>
                          {state.outcome ?? STEP_STATUS_TEXT[state.status] ?? state.status.toLowerCase()}
                          {state.status === "RUNNING" && state.waitingFor ? ` — waiting: ${state.waitingFor}` : ""}
                        </span>
                      ) : null}
                    </summary>
                    <div className="mt-2 ml-8 space-y-1 text-xs">
                      <p>
                        <span className="font-medium">SDK call:</span> <code>{step.command}</code>
                      </p>
                      <pre className="overflow-x-auto rounded bg-slate-900 p-2 text-slate-100">{JSON.stringify(step.input, null, 2)}</pre>
                      {step.undo ? (
                        <p>
                          <span className="font-medium">Undo:</span> <code>{step.undo.command}</code>
                        </p>
                      ) : (
                        <p className="text-slate-500">Nothing to undo.</p>
                      )}
                      {step.dependsOn.length ? <p className="text-slate-500">After: {step.dependsOn.join(", ")}</p> : null}
                      {state && createdIds(state.createdResources).length ? (
                        <p>
                          <span className="font-medium">Created:</span> <code>{createdIds(state.createdResources).join(", ")}</code>
                        </p>
                      ) : null}
                      {state ? <p className="text-slate-500">Attempts: {state.attempts}</p> : null}
                      {/* A kept step's note is its outcome, not an error. */}
                      {state?.error && state.status !== "SKIPPED" ? <p className="text-rose-700">{state.error}</p> : null}
                    </div>
                  </details>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </div>
  );
}
