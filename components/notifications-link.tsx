import Link from "next/link";

// The header's way to the notification list; the count says how many are unread, in words for screen readers.
export function NotificationsLink({ unread }: { unread: number }) {
  const label = unread === 0 ? "Notifications" : `Notifications, ${unread} unread`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-slate-700 hover:bg-slate-100 hover:text-slate-900"
    >
      <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
        <path d="M10 2a6 6 0 0 0-6 6v3.6l-1.7 2.6A1 1 0 0 0 3.2 16h13.6a1 1 0 0 0 .9-1.8L16 11.6V8a6 6 0 0 0-6-6Zm0 18a3 3 0 0 0 2.8-2H7.2A3 3 0 0 0 10 20Z" />
      </svg>
      {/* The word gives way to the bell on a phone-width header; the link keeps its accessible name. */}
      <span className="hidden sm:inline">Notifications</span>
      {unread > 0 ? (
        <span data-testid="unread-count" className="rounded-full bg-indigo-600 px-1.5 py-0.5 text-xs font-semibold leading-none text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
