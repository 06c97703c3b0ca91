import { z } from "zod";

/** Stand in for a step key on a problem with no step of the request's own: what it relies on, and the path in AWS. */
export const RELIED_ON = "relied-on";
export const PATH_ANALYSIS = "path-analysis";

/** The keys of the request's own steps that drifted: what re-applying runs again. */
export function driftedStepKeys(problems: readonly DriftProblem[]): string[] {
  return [...new Set(problems.map((p) => p.step).filter((key) => key !== "" && key !== RELIED_ON && key !== PATH_ANALYSIS))];
}

/** One thing a re-verification found no longer as planned (AccessRequest.drift holds a list of these). */
export type DriftProblem = { step: string; summary: string; problem: string };

const driftProblemSchema = z.object({ step: z.string(), summary: z.string(), problem: z.string() });

// The request page must render whatever the column holds: an entry that does not read still says that
// something drifted (with the stored text when there is one) rather than hiding it or failing the page.
export function readDriftProblems(value: unknown): DriftProblem[] {
  if (value === null || value === undefined) return [];
  const entries = Array.isArray(value) ? value : [value];
  return entries.map((entry) => {
    const parsed = driftProblemSchema.safeParse(entry);
    if (parsed.success) return parsed.data;
    return { step: "", summary: "Unreadable drift record", problem: JSON.stringify(entry) ?? "no details" };
  });
}
