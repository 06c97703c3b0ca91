import type { CostLine } from "@/lib/domain/cost/cost-types";

// Said in words, not only in colour: "unconfirmed" is what the price table calls it.
export function PriceFlags({ line }: { line: Pick<CostLine, "confirmed" | "fallback"> }) {
  return (
    <>
      {!line.confirmed ? " " : null}
      {!line.confirmed ? <span className="rounded bg-amber-100 px-1 text-xs font-medium text-amber-900">unconfirmed</span> : null}
      {line.fallback ? " " : null}
      {line.fallback ? <span className="rounded bg-slate-100 px-1 text-xs text-slate-700">fallback Region price</span> : null}
    </>
  );
}
