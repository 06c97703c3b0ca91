/**
 * Deterministic ids. Seeded ids in the topology use digits after a letter block
 * (`vpc-0aaa...`); generated ids start with `0f` so they never collide with seeded ones.
 */
export type IdCounter = { next: number };

export function newId(counter: IdCounter, prefix: string): string {
  const n = counter.next++;
  return `${prefix}-0f${n.toString(16).padStart(15, "0")}`;
}

/** A UUID-shaped deterministic token, for ARNs that carry a UUID (RAM shares, MSK). */
export function newUuid(counter: IdCounter): string {
  const hex = (counter.next++).toString(16).padStart(12, "0");
  return `5a4d0b0c-0000-4000-8000-${hex}`;
}

/** Random-looking but deterministic uppercase token, e.g. an MSK cluster version. */
export function newVersion(counter: IdCounter): string {
  const n = counter.next++;
  return `K${(n * 7919 + 104729).toString(36).toUpperCase().padStart(13, "0")}`;
}
