import type { MixRow } from "@/lib/db/dashboard/dashboard-trends";

// Per team, the same mix as the two charts above: one row per team, scenario and method.
export function MixTable({ mix, scenarioLabel, methodLabel }: { mix: MixRow[]; scenarioLabel: (s: string) => string; methodLabel: (m: string | null) => string }) {
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm">
        <caption className="px-4 pt-3 text-left text-sm font-semibold text-slate-900">Mix per team</caption>
        <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Team</th>
            <th scope="col" className="px-4 py-2">Scenario</th>
            <th scope="col" className="px-4 py-2">Method</th>
            <th scope="col" className="px-4 py-2 text-right">Requests</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {mix.length === 0 ? (
            <tr>
              <td colSpan={4} className="px-4 py-3 text-slate-600">Nothing filed in these weeks.</td>
            </tr>
          ) : (
            mix.map((m) => (
              <tr key={`${m.team}|${m.scenario}|${m.method ?? ""}`}>
                <td className="px-4 py-2">{m.team}</td>
                <td className="px-4 py-2">{scenarioLabel(m.scenario)}</td>
                <td className="px-4 py-2">{methodLabel(m.method)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{m.count}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
