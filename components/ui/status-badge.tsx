import { NEEDS_CHANGES_LABEL } from "@/lib/domain/needs-changes";
import { STATUS_LABELS, STATUS_TONES, type RequestStatus, type StatusTone } from "@/lib/domain/lifecycle";

const TONE_CLASSES: Record<StatusTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  info: "bg-sky-50 text-sky-800 ring-sky-300",
  progress: "bg-indigo-50 text-indigo-800 ring-indigo-300",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  warning: "bg-amber-50 text-amber-900 ring-amber-300",
  danger: "bg-rose-50 text-rose-800 ring-rose-300",
};

// The status is always written out: colour only reinforces it. A submitted request whose plan blocks is not
// awaiting approval, so it says what it needs instead (its status stays SUBMITTED; see lib/domain/needs-changes).
export function StatusBadge({ status, needsChanges = false }: { status: RequestStatus; needsChanges?: boolean }) {
  const tone = needsChanges ? "warning" : STATUS_TONES[status];
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_CLASSES[tone]}`}
      data-status={status}
      {...(needsChanges ? { "data-needs-changes": "" } : {})}
    >
      {needsChanges ? NEEDS_CHANGES_LABEL : STATUS_LABELS[status]}
    </span>
  );
}
