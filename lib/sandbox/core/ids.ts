/**
 * Deterministic ids. Generated ids start with `0f`, which the default topology's ids never do; a topology
 * copied from a real account may hold any id, so the ones shaped like generated ids are `reserved` and
 * skipped (see topology/reserve-ids.ts).
 */
export type IdCounter = { next: number; reserved?: string[] };

function unreserved(counter: IdCounter, make: (n: number) => string): string {
  for (;;) {
    const candidate = make(counter.next++);
    if (!counter.reserved?.includes(candidate)) return candidate;
  }
}

export function newId(counter: IdCounter, prefix: string): string {
  return `${prefix}-${unreserved(counter, (n) => `0f${n.toString(16).padStart(15, "0")}`)}`;
}

/** A UUID-shaped deterministic token, for ARNs that carry a UUID (RAM shares, MSK). */
export function newUuid(counter: IdCounter): string {
  return unreserved(counter, (n) => `5a4d0b0c-0000-4000-8000-${n.toString(16).padStart(12, "0")}`);
}

/** Random-looking but deterministic uppercase token, e.g. an MSK cluster version. */
export function newVersion(counter: IdCounter): string {
  const n = counter.next++;
  return `K${(n * 7919 + 104729).toString(36).toUpperCase().padStart(13, "0")}`;
}

/** A short stable hex token for a text, for ids derived rather than stored (a broker's ENI, a VPC's default ACL). */
export function stableHex(text: string, length: number): string {
  let h = 2166136261;
  let out = "";
  for (let round = 0; out.length < length; round++) {
    for (const ch of `${round}:${text}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out.slice(0, length);
}
