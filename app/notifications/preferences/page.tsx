import Link from "next/link";

import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { NOTIFICATION_EVENT_LABELS, NOTIFICATION_EVENT_TYPES } from "@/lib/domain/notification-events";
import { mailSettings } from "@/lib/config/mail-settings";
import { readPreferences } from "@/lib/notifications/preferences";

import { PreferencesForm } from "./preferences-form";

export const metadata = { title: "Notification preferences" };

export default async function NotificationPreferencesPage() {
  const user = await requirePageUser("notifications.own");
  const choices = await readPreferences(user.id);
  const rows = NOTIFICATION_EVENT_TYPES.map((type) => ({ type, ...NOTIFICATION_EVENT_LABELS[type], ...choices[type] }));
  return (
    <>
      <PageHeader title="Notification preferences" description="Which events reach you, in the portal and by e-mail." />
      <p className="mb-4 text-sm">
        <Link href="/notifications" className="text-indigo-700 hover:underline">Back to your notifications</Link>
      </p>
      <Card title="Events">
        {mailSettings() ? null : (
          <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            This portal sends no e-mail (SMTP is not configured); your e-mail choices apply once it does.
          </p>
        )}
        <PreferencesForm rows={rows} email={user.email} />
      </Card>
    </>
  );
}
