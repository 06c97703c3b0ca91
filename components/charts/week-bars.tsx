import { ChartFigure } from "./chart-figure";

export type BarSeries = { name: string; style: "solid" | "hatched" };
export type WeekPoint = { label: string; values: (number | null)[] };

const HEIGHT = 160;
const TOP = 16;
const BOTTOM = 22;
const SLOT = 44;

// Vertical bars per week, one bar per series side by side. Series differ by pattern (solid, hatched) as well as
// shade, and every bar has its value written above it, so nothing is told by colour alone.
export function WeekBars({
  id,
  title,
  summary,
  series,
  points,
  format,
}: {
  id: string;
  title: string;
  summary: string;
  series: BarSeries[];
  points: WeekPoint[];
  format: (value: number | null) => string;
}) {
  const max = Math.max(1, ...points.flatMap((p) => p.values.map((v) => v ?? 0)));
  const width = points.length * SLOT;
  const barWidth = (SLOT - 8) / series.length;
  const plot = HEIGHT - TOP - BOTTOM;
  const description = `${summary} ${points.map((p) => `${p.label}: ${p.values.map((v, i) => `${series[i]?.name ?? ""} ${format(v)}`).join(", ")}`).join("; ")}.`;
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={summary}
      table={{
        columns: ["Week of", ...series.map((s) => s.name)],
        rows: points.map((p) => ({ label: p.label, cells: p.values.map(format) })),
      }}
    >
      {series.length > 1 ? (
        <ul className="mb-1 flex gap-4 text-xs text-slate-700" aria-hidden="true">
          {series.map((s) => (
            <li key={s.name} className="flex items-center gap-1">
              <svg width="14" height="10">
                <rect width="14" height="10" className={s.style === "solid" ? "fill-indigo-500" : "fill-amber-400"} />
                {s.style === "hatched" ? <rect width="14" height="10" fill={`url(#${id}-hatch)`} /> : null}
              </svg>
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
      {/* On a phone the drawing keeps a readable size and scrolls inside its card, never the page. */}
      <div className="overflow-x-auto">
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          className="h-auto w-full min-w-[480px]"
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          <defs>
            <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="6" className="stroke-amber-900" strokeWidth="2" />
            </pattern>
          </defs>
          <line x1="0" x2={width} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} className="stroke-slate-300" />
          {points.map((p, i) => (
            <g key={p.label} transform={`translate(${i * SLOT + 4}, 0)`}>
              {p.values.map((v, j) => {
                const h = v === null ? 0 : Math.max(v > 0 ? 2 : 0, (v / max) * plot);
                const x = j * barWidth;
                const y = HEIGHT - BOTTOM - h;
                const style = series[j]?.style ?? "solid";
                return (
                  <g key={j}>
                    <rect
                      x={x}
                      y={y}
                      width={barWidth - 2}
                      height={h}
                      className={style === "solid" ? "fill-indigo-500" : "fill-amber-400"}
                    />
                    {style === "hatched" ? <rect x={x} y={y} width={barWidth - 2} height={h} fill={`url(#${id}-hatch)`} /> : null}
                    <text x={x + (barWidth - 2) / 2} y={y - 3} textAnchor="middle" className="fill-slate-700" fontSize="8">
                      {format(v)}
                    </text>
                  </g>
                );
              })}
              <text x={(SLOT - 8) / 2} y={HEIGHT - 6} textAnchor="middle" className="fill-slate-600" fontSize="9">
                {p.label}
              </text>
            </g>
          ))}
        </svg>
      </div>
    </ChartFigure>
  );
}
