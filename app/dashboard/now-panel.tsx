import Link from "next/link";

import type { DashboardNow, NowItem } from "@/lib/db/dashboard/dashboard-now";
import { formatDuration } from "@/lib/domain/dashboard/format-duration";

type Tile = { key: string; title: string; count: number; href: string; detail: string; items: NowItem[]; itemText: (item: NowItem) => string };

export function NowPanel({ now, at }: { now: DashboardNow; at: Date }) {
  const since = (item: NowItem) => formatDuration((at.getTime() - item.since.getTime()) / 1000);
  const tiles: Tile[] = [
    {
      key: "waiting",
      title: "Waiting for approval",
      count: now.waiting.count,
      href: "/approvals",
      detail: `${now.waiting.overDay} waiting over a day, ${now.waiting.overWeek} over a week`,
      items: now.waiting.oldest,
      itemText: (i) => `waiting ${since(i)}`,
    },
    {
      key: "in-flight",
      title: "Provisioning",
      count: now.inFlight.count,
      href: "/requests?status=APPROVED,PROVISIONING,VERIFYING&sort=oldest",
      detail: `${now.inFlight.overHour} running over an hour`,
      items: now.inFlight.longest,
      itemText: (i) => `running ${since(i)}`,
    },
    {
      key: "failed",
      title: "Failed",
      count: now.failed.count,
      href: "/requests?status=FAILED&sort=updated",
      detail: "Retry or roll back from each request",
      items: now.failed.latest,
      itemText: (i) => `failed ${since(i)} ago`,
    },
    {
      key: "drifted",
      title: "Drifted from AWS",
      count: now.drifted.count,
      href: "/requests?drift=drifted",
      detail: "Active connections whose last check found a change",
      items: now.drifted.latest,
      itemText: (i) => `found ${since(i)} ago`,
    },
    {
      key: "expiring",
      title: "Ending within 7 days",
      count: now.expiring.count,
      href: "/requests?expiring=7d&sort=oldest",
      detail: "Active connections the portal removes at their end date",
      items: now.expiring.soonest,
      itemText: (i) => `ends in ${formatDuration((i.since.getTime() - at.getTime()) / 1000)}`,
    },
  ];
  return (
    <section aria-labelledby="now-heading" className="mb-8">
      <h2 id="now-heading" className="mb-3 text-lg font-semibold text-slate-900">
        Now
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
        {tiles.map((t) => (
          <li key={t.key} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={`now-${t.key}`}>
            <Link href={t.href} className="group block rounded focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
              <span className="block text-sm font-medium text-slate-600 group-hover:underline">{t.title}</span>
              <span className="block text-3xl font-semibold tabular-nums text-slate-900">{t.count}</span>
              <span className="sr-only"> requests: show them</span>
            </Link>
            <p className="mt-1 text-xs text-slate-600">{t.detail}</p>
            {t.items.length ? (
              <ul className="mt-3 space-y-1 text-sm">
                {t.items.map((item) => (
                  <li key={item.id} className="flex flex-wrap justify-between gap-x-2">
                    <Link href={`/requests/${item.id}`} className="font-medium text-indigo-700 hover:underline">
                      #{item.number}
                    </Link>
                    <span className="text-slate-600">
                      {item.team} · {t.itemText(item)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-sm text-slate-500">None right now.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
