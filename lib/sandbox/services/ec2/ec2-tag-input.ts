import type { Tag } from "../../state/types";

export function tagSet(tags: Tag[]): { key: string; value: string }[] {
  return tags.map((t) => ({ key: t.key, value: t.value }));
}

/** Adds or overwrites tags by key, as CreateTags does. */
export function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const out = existing.filter((t) => !added.some((a) => a.key === t.key));
  return [...out, ...added];
}
