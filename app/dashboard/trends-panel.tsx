import { CategoryBars } from "@/components/charts/category-bars";
import { WeekBars } from "@/components/charts/week-bars";
import type { DashboardTrends } from "@/lib/db/dashboard/dashboard-trends";
import { formatDuration } from "@/lib/domain/dashboard/format-duration";
import { weekLabel } from "@/lib/domain/dashboard/weeks";
import { METHOD_LABELS } from "@/lib/domain/method-labels";
import type { ConnectionMethod } from "@/lib/domain/plan/plan-types";
import { SCENARIO_LABELS, type Scenario } from "@/lib/domain/scenario";

import { MixTable } from "./mix-table";

const PERCENTILES = [
  { name: "p50 (median)", style: "solid" as const },
  { name: "p95", style: "hatched" as const },
];

// A week-by-week duration chart: median and 95th percentile side by side.
function DurationWeeks({ weeks, ...chart }: { id: string; title: string; summary: string; weeks: DashboardTrends["toActive"] }) {
  return (
    <WeekBars
      {...chart}
      series={PERCENTILES}
      points={weeks.map((w) => ({ label: weekLabel(w.week), values: [w.p50, w.p95] }))}
      format={formatDuration}
    />
  );
}

function totals(rows: { key: string; count: number }[]) {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.key, (sums.get(r.key) ?? 0) + r.count);
  return [...sums].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
}

export function TrendsPanel({ trends }: { trends: DashboardTrends }) {
  const scenarioLabel = (s: string) => SCENARIO_LABELS[s as Scenario]?.title ?? s;
  const methodLabel = (m: string | null) => (m ? (METHOD_LABELS[m as ConnectionMethod] ?? m) : "No plan");
  const filedTotal = trends.filed.reduce((sum, w) => sum + w.count, 0);
  return (
    <section aria-labelledby="trends-heading">
      <h2 id="trends-heading" className="mb-3 text-lg font-semibold text-slate-900">
        Trends
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <WeekBars
          id="filed"
          title="Requests filed per week"
          summary={`${filedTotal} filed in the last ${trends.weeks.length} weeks.`}
          series={[{ name: "Filed", style: "solid" }]}
          points={trends.filed.map((w) => ({ label: weekLabel(w.week), values: [w.count] }))}
          format={(v) => String(v ?? 0)}
        />
        <DurationWeeks
          id="to-decision"
          title="Time from filing to decision"
          summary="Median and 95th percentile per week of the decision (approve or reject)."
          weeks={trends.toDecision}
        />
        <DurationWeeks
          id="to-active"
          title="Time from approval to Active"
          summary="Median and 95th percentile per week the connection became active, retries included."
          weeks={trends.toActive}
        />
        <CategoryBars
          id="failures"
          title="Step failures by kind and AWS error code"
          summary={`The ${trends.failures.length} most frequent, over the same weeks.`}
          categories={trends.failures.map((f) => ({ label: `${f.kind} · ${f.code}`, count: f.count }))}
          empty="No step failed in these weeks."
        />
        <CategoryBars
          id="scenarios"
          title="Scenarios filed"
          summary="Where the clients of the requests filed in these weeks sit."
          categories={totals(trends.mix.map((m) => ({ key: scenarioLabel(m.scenario), count: m.count })))}
          empty="Nothing filed in these weeks."
        />
        <CategoryBars
          id="methods"
          title="Connection methods planned"
          summary="How the requests filed in these weeks are (to be) connected."
          categories={totals(trends.mix.map((m) => ({ key: methodLabel(m.method), count: m.count })))}
          empty="Nothing filed in these weeks."
        />
      </div>
      <MixTable mix={trends.mix} scenarioLabel={scenarioLabel} methodLabel={methodLabel} />
    </section>
  );
}
