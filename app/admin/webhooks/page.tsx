import Link from "next/link";

import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTime } from "@/components/ui/format-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { isNotificationEventType, NOTIFICATION_EVENT_LABELS, NOTIFICATION_EVENT_TYPES } from "@/lib/domain/notification-events";
import { WEBHOOK_FORMAT_LABELS, WEBHOOK_FORMATS } from "@/lib/domain/webhook-input";
import { listWebhooks, type WebhookListing } from "@/lib/notifications/manage-webhooks";

import { WebhookButton } from "./webhook-button";
import { WebhookForm } from "./webhook-form";

export const metadata = { title: "Webhooks" };

const eventLabel = (type: string) => (isNotificationEventType(type) ? NOTIFICATION_EVENT_LABELS[type].label : type);
const STATUS_CLASS = { delivered: "text-emerald-700", pending: "text-amber-700", failed: "text-rose-700" } as const;

export default async function WebhooksPage() {
  await requirePageUser("webhooks.manage");
  const webhooks = await listWebhooks();
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Request events sent to chat channels and other systems. Calls are signed, retried with backoff for about five hours, and logged below; every change here is audited."
      />
      <p className="mb-4 text-sm">
        Receivers check the signature as <code>docs/webhooks.md</code> in the portal&apos;s repository describes: HMAC-SHA256 over the timestamp and the body, five minutes of replay window.
      </p>
      <div className="space-y-6">
        <Card title="Add a webhook">
          <WebhookForm
            formats={WEBHOOK_FORMATS.map((f) => ({ value: f, label: WEBHOOK_FORMAT_LABELS[f] }))}
            events={NOTIFICATION_EVENT_TYPES.map((e) => ({ value: e, label: NOTIFICATION_EVENT_LABELS[e].label }))}
          />
        </Card>
        {webhooks.length === 0 ? (
          <EmptyState title="No webhooks yet">Add one above to send request events to Slack, Microsoft Teams or your own receiver.</EmptyState>
        ) : (
          webhooks.map((hook) => <WebhookCard key={hook.id} hook={hook} />)
        )}
      </div>
    </>
  );
}

function WebhookCard({ hook }: { hook: WebhookListing }) {
  return (
    <Card title={`${hook.name}${hook.enabled ? "" : " (off)"}`}>
      <div className="space-y-3" data-testid="webhook">
        <div className="flex flex-wrap items-start justify-between gap-3 text-sm">
          <div className="min-w-0">
            <p className="break-all font-mono text-xs text-slate-700">{hook.url}</p>
            <p className="text-xs text-slate-500">
              {WEBHOOK_FORMAT_LABELS[hook.format]} · {hook.events.map(eventLabel).join(", ")}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <WebhookButton operation={hook.enabled ? "disable" : "enable"} id={hook.id} />
            <WebhookButton operation="remove" id={hook.id} />
          </div>
        </div>
        <DeliveryLog deliveries={hook.deliveries} />
      </div>
    </Card>
  );
}

function DeliveryLog({ deliveries }: { deliveries: WebhookListing["deliveries"] }) {
  if (deliveries.length === 0) return <p className="text-sm text-slate-500">Nothing sent yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid="delivery-log">
        <caption className="sr-only">Latest deliveries</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">Event</th>
            <th scope="col" className="py-2 pr-3 font-medium">Status</th>
            <th scope="col" className="py-2 pr-3 font-medium">Attempts</th>
            <th scope="col" className="py-2 pr-3 font-medium">Last error</th>
            <th scope="col" className="py-2 pr-3 font-medium">Next attempt</th>
            <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {deliveries.map((d) => (
            <tr key={d.id} data-testid="delivery">
              <td className="py-2 pr-3">
                <Link className="text-indigo-700 hover:underline" href={`/requests/${d.requestId}`}>{eventLabel(d.eventType)}</Link>
                <span className="block text-xs text-slate-500">{formatTime(d.createdAt)}</span>
              </td>
              <td className={`py-2 pr-3 font-medium ${STATUS_CLASS[d.status]}`}>
                {d.status === "delivered" && d.deliveredAt ? `delivered ${formatTime(d.deliveredAt)}` : d.status}
              </td>
              <td className="py-2 pr-3">{d.attempts}</td>
              <td className="max-w-xs break-words py-2 pr-3 text-xs text-slate-600">{d.lastError ?? "—"}</td>
              <td className="py-2 pr-3 text-xs">{d.status === "pending" ? formatTime(d.nextAttemptAt) : "—"}</td>
              <td className="py-2">{d.status === "delivered" ? null : <WebhookButton operation="resend" id={d.id} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
