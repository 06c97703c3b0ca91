import { costSummary, formatUsd, quantityText, unitPriceText } from "@/lib/domain/cost/cost-summary";
import type { CostEstimate } from "@/lib/domain/cost/cost-types";

import { Card } from "../ui/card";
import { PriceFlags } from "./cost-badges";
import { CostComparison } from "./cost-comparison";

/** What the plan adds a month, line by line with each price's source, and the other methods beside it. */
export function CostEstimateCard({ estimate }: { estimate: CostEstimate }) {
  const { planned, expectedGbPerMonth } = estimate;
  return (
    <Card title="Estimated monthly cost">
      <div data-testid="cost-estimate" className="space-y-4">
        <p className="text-sm">
          <span className="font-semibold" data-testid="cost-total">{costSummary(planned)}</span>{" "}
          <span className="text-slate-600">
            {expectedGbPerMonth === null ? "(no expected traffic given: per-GB lines stay per GB)" : `for ${expectedGbPerMonth.toLocaleString("en-US")} GB a month`}
          </span>
        </p>
        {planned.lines.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-xs sm:text-sm">
              <caption className="sr-only">What the plan adds, per line</caption>
              <thead className="border-b border-slate-200 text-slate-500">
                <tr>
                  <th scope="col" className="py-1 pr-2 font-medium">Item</th>
                  <th scope="col" className="py-1 pr-2 font-medium">Quantity</th>
                  <th scope="col" className="py-1 pr-2 font-medium">Price</th>
                  <th scope="col" className="py-1 font-medium">A month</th>
                </tr>
              </thead>
              <tbody>
                {planned.lines.map((l) => (
                  <tr key={l.label} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-1 pr-2 font-normal">
                      {l.label} <span className="font-mono text-xs text-slate-500">{l.region}</span>
                      <br />
                      <a href={l.source} className="text-xs text-indigo-700 hover:underline" rel="noreferrer" target="_blank">
                        AWS price page<span className="sr-only"> for {l.label} (opens in a new tab)</span>
                      </a>
                      <span className="text-xs text-slate-500"> · checked {l.checked}</span>
                    </th>
                    <td className="py-1 pr-2 tabular-nums">{quantityText(l)}</td>
                    <td className="py-1 pr-2 tabular-nums">
                      {unitPriceText(l)}
                      <PriceFlags line={l} />
                    </td>
                    <td className="py-1 tabular-nums">{l.monthlyUsd === null ? "—" : formatUsd(l.monthlyUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {planned.notes.length ? (
          <ul className="list-disc pl-5 text-xs text-slate-600">
            {planned.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
        <div className="overflow-x-auto">
          <CostComparison estimate={estimate} />
        </div>
        <p className="text-xs text-slate-500">
          An estimate of AWS list prices from the portal&apos;s price table; prices marked unconfirmed were not read on AWS&apos;s own page.
        </p>
      </div>
    </Card>
  );
}
