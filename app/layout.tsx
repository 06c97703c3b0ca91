import type { Metadata } from "next";
import type { ReactNode } from "react";

import { HydrationMarker } from "@/components/hydration-marker";
import { NavBar } from "@/components/nav-bar";
import { currentUser } from "@/lib/auth/current-user";
import { unreadNotificationCount } from "@/lib/notifications/inbox";

import { signOutAction } from "./signin/actions";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "MSK connectivity portal", template: "%s · MSK connectivity portal" },
  description: "Self-service network access to Amazon MSK clusters",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body className="min-h-screen">
        {user ? <NavBar user={user} signOut={signOutAction} unreadNotifications={await unreadNotificationCount(user.id)} /> : null}
        <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
        <HydrationMarker />
      </body>
    </html>
  );
}
