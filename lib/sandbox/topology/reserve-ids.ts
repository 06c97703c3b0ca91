import type { ParsedTopology } from "./schema";

// The suffixes core/ids.ts generates: `<prefix>-0f` + 15 hex digits, and its UUID form.
const GENERATED = [/(?<=-)0f[0-9a-f]{15}(?![0-9a-f])/g, /5a4d0b0c-0000-4000-8000-[0-9a-f]{12}/g];

/** Every id (or ARN part) the topology gives in the generator's own shape, so the generator skips them. */
export function reservedIds(topology: ParsedTopology): string[] {
  const text = JSON.stringify(topology);
  return [...new Set(GENERATED.flatMap((re) => text.match(re) ?? []))];
}
