import type { PartStatus } from "./readiness";

/**
 * Remembers a check's answer (good or bad) for ttlMs: a probe every few seconds then costs one call per window,
 * and a failing dependency is not hammered either.
 */
export function cachedCheck(check: () => Promise<PartStatus>, ttlMs: number, now: () => number = () => Date.now()): () => Promise<PartStatus> {
  let cached: { at: number; answer: Promise<PartStatus> } | undefined;
  return () => {
    if (!cached || now() - cached.at >= ttlMs) cached = { at: now(), answer: check() };
    return cached.answer;
  };
}
