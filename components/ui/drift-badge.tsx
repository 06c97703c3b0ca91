// Drift is written out, with a mark, so it never rests on colour; the title says when it was found.
export function DriftBadge({ checkedAt }: { checkedAt: Date | null }) {
  return (
    <span
      className="inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-400"
      data-testid="drift-badge"
      title={checkedAt ? `Found by the check of ${checkedAt.toISOString().replace("T", " ").slice(0, 19)} UTC` : undefined}
    >
      <span aria-hidden="true">⚠</span> Drifted
    </span>
  );
}
