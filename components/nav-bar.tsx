import Link from "next/link";

import { actorOf, type PortalUser } from "@/lib/auth/current-user";
import { may, type RoleQuestion } from "@/lib/domain/permissions";
import { ROLE_LABELS } from "@/lib/domain/roles";

import { NotificationsLink } from "./notifications-link";
import { SignOutButton } from "./sign-out-button";

const LINKS: { href: string; label: string; question: RoleQuestion }[] = [
  { href: "/dashboard", label: "Dashboard", question: "dashboard.view" },
  { href: "/requests", label: "Requests", question: "request.list" },
  { href: "/requests/new", label: "New request", question: "request.create" },
  { href: "/approvals", label: "Approvals", question: "approvals.view" },
  { href: "/audit", label: "Audit history", question: "audit.read" },
  { href: "/catalog", label: "Catalog", question: "catalog.read" },
  { href: "/tokens", label: "API tokens", question: "token.manage-own" },
  { href: "/admin", label: "Admin", question: "platform.manage" },
  { href: "/admin/people", label: "People", question: "people.manage" },
  { href: "/admin/webhooks", label: "Webhooks", question: "webhooks.manage" },
];

// Only the links a role can use are shown; each page checks the role again itself.
export function NavBar({ user, signOut, unreadNotifications = 0 }: { user: PortalUser; signOut: () => Promise<void>; unreadNotifications?: number }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-6 py-3">
        <div className="flex items-center gap-6">
          <Link href="/requests" className="font-semibold text-slate-900">
            MSK connectivity
          </Link>
          <nav aria-label="Main" className="flex flex-wrap gap-1 text-sm">
            {LINKS.filter((l) => may(actorOf(user), l.question).ok).map((l) => (
              <Link key={l.href} href={l.href} className="rounded-md px-2.5 py-1.5 text-slate-700 hover:bg-slate-100 hover:text-slate-900">
                {l.label}
              </Link>
            ))}
          </nav>
        </div>
        <div className="flex min-w-0 flex-wrap items-center gap-3 text-sm">
          <NotificationsLink unread={unreadNotifications} />
          <span className="min-w-0 break-words text-slate-700" data-testid="signed-in-as">
            {user.email}
            <span className="ml-2 text-xs text-slate-500">
              {user.roles.map((r) => ROLE_LABELS[r]).join(", ")}
              {user.teams.length ? ` · ${user.teams.map((t) => t.name).join(", ")}` : ""}
            </span>
          </span>
          <SignOutButton action={signOut} />
        </div>
      </div>
    </header>
  );
}
