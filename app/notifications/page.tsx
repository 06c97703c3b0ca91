import Link from "next/link";

import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTime } from "@/components/ui/format-time";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/guard";
import { listNotifications } from "@/lib/notifications/inbox";

import { MarkAllRead } from "./mark-all-read";
import { OpenNotification } from "./open-notification";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser("notifications.own");
  const requested = Number((await searchParams).page ?? "1");
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
  const { items, pages } = await listNotifications(user.id, page);
  const unread = items.filter((n) => !n.read).length;
  return (
    <>
      <PageHeader title="Notifications" description="What happened to the requests you follow and the ones waiting for you." />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <MarkAllRead />
        <Link href="/notifications/preferences" className="text-sm text-indigo-700 hover:underline">
          Choose what reaches you, and how
        </Link>
      </div>
      <Card title={unread ? `${unread} unread on this page` : "All read"}>
        {items.length === 0 ? (
          <EmptyState title="Nothing yet">You will hear here when a request of your team moves, or when one waits for your decision.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="notification-list">
            {items.map((n) => (
              <li key={n.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="notification" data-read={n.read}>
                <div className="flex items-start gap-2">
                  <span className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.read ? "bg-transparent" : "bg-indigo-600"}`} aria-hidden />
                  <div>
                    <OpenNotification id={n.id} title={n.title} read={n.read} />
                    <span className="sr-only">{n.read ? "(read)" : "(unread)"}</span>
                  </div>
                </div>
                <span className="pl-4 text-xs text-slate-500 sm:pl-0">{formatTime(n.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pages={pages} hrefFor={(p) => `/notifications?page=${p}`} />
      </Card>
    </>
  );
}
