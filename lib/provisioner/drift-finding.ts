import { z } from "zod";

import type { VerificationProblem } from "./verify-steps";

const storedFinding = z.array(z.object({ step: z.string(), summary: z.string(), problem: z.string() }));

const fingerprint = (problems: readonly VerificationProblem[]) =>
  problems
    .map((p) => JSON.stringify([p.step, p.summary, p.problem]))
    .sort()
    .join("\n");

/**
 * Whether a fresh check found the same as the one stored on the request. Postgres keeps JSON objects with
 * their keys reordered, so the stored value is read and compared by content, never by its JSON text.
 */
export function sameDriftFinding(stored: unknown, problems: readonly VerificationProblem[]): boolean {
  if (stored === null || stored === undefined) return problems.length === 0;
  const parsed = storedFinding.safeParse(stored);
  return parsed.success && fingerprint(parsed.data) === fingerprint(problems);
}
