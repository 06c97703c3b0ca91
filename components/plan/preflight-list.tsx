import type { PreflightFinding, PreflightSeverity } from "@/lib/domain/plan/plan-types";

const SEVERITY: Record<PreflightSeverity, { label: string; className: string }> = {
  block: { label: "Blocks approval", className: "bg-rose-50 ring-rose-300 text-rose-900" },
  warn: { label: "Warning", className: "bg-amber-50 ring-amber-300 text-amber-900" },
  info: { label: "Note", className: "bg-sky-50 ring-sky-200 text-sky-900" },
};

const ORDER: PreflightSeverity[] = ["block", "warn", "info"];

export function PreflightList({ findings }: { findings: PreflightFinding[] }) {
  if (findings.length === 0) {
    return <p className="text-sm text-emerald-800">All preflight checks passed.</p>;
  }
  const sorted = [...findings].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  return (
    <ul className="space-y-2" data-testid="preflight">
      {sorted.map((f) => (
        <li key={`${f.code}-${f.message}`} className={`rounded-md p-3 text-sm ring-1 ring-inset ${SEVERITY[f.severity].className}`} data-severity={f.severity}>
          <p>
            <span className="mr-2 text-xs font-semibold uppercase tracking-wide">{SEVERITY[f.severity].label}</span>
            {f.message}
          </p>
          <p className="mt-1 text-xs">
            <span className="font-medium">What to do: </span>
            {f.remedy}
          </p>
          {f.rule ? <p className="mt-1 text-xs opacity-80">AWS rule: {f.rule}</p> : null}
        </li>
      ))}
    </ul>
  );
}
