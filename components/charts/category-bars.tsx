import { ChartFigure } from "./chart-figure";

export type Category = { label: string; count: number };

const ROW = 22;
const LABEL = 300;
const BAR = 220;

// Horizontal bars for counts by category: the label and the number are written on every row.
export function CategoryBars({
  id,
  title,
  summary,
  categories,
  empty,
}: {
  id: string;
  title: string;
  summary: string;
  categories: Category[];
  empty: string;
}) {
  const max = Math.max(1, ...categories.map((c) => c.count));
  const total = categories.reduce((sum, c) => sum + c.count, 0);
  const height = Math.max(1, categories.length) * ROW + 4;
  const share = (count: number) => (total ? `${Math.round((count / total) * 100)}%` : "0%");
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={summary}
      table={{
        columns: ["", "Count", "Share"],
        rows: categories.map((c) => ({ label: c.label, cells: [String(c.count), share(c.count)] })),
      }}
    >
      {categories.length === 0 ? (
        <p className="py-4 text-sm text-slate-600">{empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <svg
            viewBox={`0 0 ${LABEL + BAR + 60} ${height}`}
            className="h-auto w-full min-w-[420px]"
            role="img"
            aria-labelledby={`${id}-title ${id}-desc`}
          >
            <title id={`${id}-title`}>{title}</title>
            <desc id={`${id}-desc`}>{`${summary} ${categories.map((c) => `${c.label}: ${c.count}`).join("; ")}.`}</desc>
            {categories.map((c, i) => (
              <g key={c.label} transform={`translate(0, ${i * ROW + 2})`}>
                <text x={LABEL - 6} y={ROW / 2 + 4} textAnchor="end" fontSize="11" className="fill-slate-700">
                  {c.label.length > 48 ? `${c.label.slice(0, 47)}…` : c.label}
                </text>
                <rect x={LABEL} y={3} width={Math.max(2, (c.count / max) * BAR)} height={ROW - 8} className="fill-indigo-500" />
                <text x={LABEL + Math.max(2, (c.count / max) * BAR) + 4} y={ROW / 2 + 4} fontSize="11" className="fill-slate-800">
                  {c.count}
                </text>
              </g>
            ))}
          </svg>
        </div>
      )}
    </ChartFigure>
  );
}
