import type { TopicAccessInput } from "@/lib/domain/request-input";

/** What the request asked to read, write and consume as; nothing asked for means every topic and group. */
export function TopicAccessSummary({ value }: { value: TopicAccessInput | undefined }) {
  if (!value) return <span className="text-slate-600">every topic and group (none named)</span>;
  const parts: [string, string[]][] = [
    ["read", value.readTopics],
    ["write", value.writeTopics],
    ["groups", value.consumerGroups],
  ];
  return (
    <ul className="space-y-0.5">
      {parts
        .filter(([, names]) => names.length > 0)
        .map(([label, names]) => (
          <li key={label}>
            <span className="text-slate-500">{label}:</span> <span className="font-mono text-xs">{names.join(", ")}</span>
          </li>
        ))}
    </ul>
  );
}
