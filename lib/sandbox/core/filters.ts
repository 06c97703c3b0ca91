import { awsError } from "./aws-error";

export type Filter = { name: string; values: string[] };
export type Tagged = { tags: { key: string; value: string }[] };

/** Values a resource exposes under one filter name; undefined means the filter is unknown. */
export type FilterFields<T> = Record<string, (item: T) => (string | undefined)[]>;

// EC2 filter values accept `*` and `?` wildcards (EC2 API reference, "Filtering").
function matches(pattern: string, value: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === value;
  const re = new RegExp(
    "^" + pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$",
  );
  return re.test(value);
}

/**
 * EC2 semantics: every filter must match (AND); within one filter any value may match (OR).
 * `tag:KEY` and `tag-key` work on every tagged resource.
 */
export function applyFilters<T extends Tagged>(items: T[], filters: Filter[], fields: FilterFields<T>): T[] {
  for (const f of filters) {
    if (!f.name.startsWith("tag:") && f.name !== "tag-key" && f.name !== "tag-value" && !fields[f.name]) {
      throw awsError("InvalidParameterValue", `The filter '${f.name}' is invalid`);
    }
  }
  return items.filter((item) =>
    filters.every((f) => {
      const values = valuesFor(item, f.name, fields);
      return f.values.some((p) => values.some((v) => v !== undefined && matches(p, v)));
    }),
  );
}

function valuesFor<T extends Tagged>(item: T, name: string, fields: FilterFields<T>): (string | undefined)[] {
  if (name.startsWith("tag:")) {
    const key = name.slice(4);
    return item.tags.filter((t) => t.key === key).map((t) => t.value);
  }
  if (name === "tag-key") return item.tags.map((t) => t.key);
  if (name === "tag-value") return item.tags.map((t) => t.value);
  const get = fields[name];
  return get ? get(item) : [];
}
