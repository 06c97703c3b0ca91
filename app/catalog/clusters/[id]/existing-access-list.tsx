import { formatTimeToSecond } from "@/components/ui/format-time";
import { ACCESS_KIND_LABELS, accessOrigin, type AccessItem } from "@/lib/domain/catalog/existing-access";
import type { ClusterAccessReading } from "@/lib/provisioner/read-cluster-access";

// What AWS holds now, each item with its origin; "not made by the portal" is marked in words and colour alike.
export function ExistingAccessList({ reading }: { reading: ClusterAccessReading }) {
  if (!reading.ok) {
    return (
      <p className="text-sm text-rose-800" role="alert">
        AWS could not be read: {reading.error}
      </p>
    );
  }
  const unowned = reading.items.filter((i) => i.madeBy.length === 0).length;
  return (
    <>
      <p className="mb-3 text-sm text-slate-600" data-testid="access-read-at">
        As read from AWS at {formatTimeToSecond(new Date(reading.readAt))}: {reading.items.length} item{reading.items.length === 1 ? "" : "s"}, {unowned} not made by the portal.
      </p>
      {reading.items.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing reaches the brokers but the cluster&apos;s own VPC.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {reading.items.map((item) => (
            <AccessRow key={`${item.kind}:${item.id}`} item={item} />
          ))}
        </ul>
      )}
    </>
  );
}

function AccessRow({ item }: { item: AccessItem }) {
  const ours = item.madeBy.length > 0;
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2 text-sm" data-testid="existing-access">
      <span className="min-w-0">
        <span className="block text-xs font-medium uppercase text-slate-500">{ACCESS_KIND_LABELS[item.kind]}</span>
        <span className="block break-all font-mono text-xs text-slate-800">{item.summary}</span>
      </span>
      <span className={ours ? "text-slate-700" : "font-semibold text-amber-800"}>{accessOrigin(item)}</span>
    </li>
  );
}
