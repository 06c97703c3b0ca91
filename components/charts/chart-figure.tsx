import type { ReactNode } from "react";

export type ChartTable = { columns: string[]; rows: { label: string; cells: string[] }[] };

// Every chart carries its numbers twice more: as text in the drawing and as a table a screen reader or a
// person copying figures can use. The colours only repeat what the labels and patterns already say.
export function ChartFigure({
  id,
  title,
  summary,
  table,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  table: ChartTable;
  children: ReactNode;
}) {
  return (
    // min-w-0: as a grid item a figure would otherwise grow to its drawing's width and push a narrow page sideways.
    <figure
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby={`${id}-caption`}
      data-testid={`chart-${id}`}
    >
      <figcaption id={`${id}-caption`} className="text-sm font-semibold text-slate-900">
        {title}
      </figcaption>
      <p className="mb-2 text-xs text-slate-600">{summary}</p>
      {children}
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer rounded text-indigo-700 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600">
          Numbers as a table
        </summary>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-left">
            <thead className="text-slate-500">
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col" className="py-1 pr-3 font-medium">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.label} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pr-3 font-normal text-slate-700">
                    {row.label}
                  </th>
                  {row.cells.map((cell, i) => (
                    <td key={i} className="py-1 pr-3 tabular-nums">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
