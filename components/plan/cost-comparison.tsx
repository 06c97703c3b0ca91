import { costSummary, formatUsd } from "@/lib/domain/cost/cost-summary";
import type { CostEstimate } from "@/lib/domain/cost/cost-types";
import { METHOD_LABELS } from "@/lib/domain/method-labels";


/** The methods side by side from the same facts; the planned one first and marked. */
export function CostComparison({ estimate }: { estimate: CostEstimate }) {
  return (
    <table className="w-full text-left text-xs sm:text-sm" data-testid="cost-comparison">
      <caption className="mb-1 text-left text-xs text-slate-600">
        {estimate.comparison.length > 1 ? "Each way the portal could connect this client, from the same facts" : "No other method can connect this client"}
      </caption>
      <thead className="border-b border-slate-200 text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-2 font-medium">Method</th>
          <th scope="col" className="py-1 pr-2 font-medium">Hourly charges a month</th>
          <th scope="col" className="py-1 pr-2 font-medium">Per GB</th>
          <th scope="col" className="py-1 font-medium">Estimate</th>
        </tr>
      </thead>
      <tbody>
        {estimate.comparison.map((m) => (
          <tr key={m.method} className={`border-b border-slate-100 align-top ${m.planned ? "bg-indigo-50/60" : ""}`} data-testid={`cost-method-${m.method}`}>
            <th scope="row" className="py-1 pr-2 font-medium">
              {METHOD_LABELS[m.method]}
              {m.planned ? <span className="text-xs font-normal text-indigo-800"> (planned)</span> : null}
            </th>
            <td className="py-1 pr-2 tabular-nums">{formatUsd(m.fixedMonthlyUsd)}{m.lines.some((l) => l.unit === "hour" && l.unitPriceUsd === null) ? " + no figure" : ""}</td>
            <td className="py-1 pr-2 tabular-nums">{m.perGbUsd === null ? "no figure" : formatUsd(m.perGbUsd)}</td>
            <td className="py-1">
              {costSummary(m)}
              {m.unconfirmed ? (
                <>
                  {" "}
                  <span className="rounded bg-amber-100 px-1 text-xs font-medium text-amber-900">unconfirmed</span>
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
