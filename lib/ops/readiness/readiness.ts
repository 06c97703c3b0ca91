export type PartStatus = { ok: true } | { ok: false; error: string };
export type ReadinessPart = "database" | "migrations" | "queue" | "aws";
export type Readiness = { ready: boolean; failing: ReadinessPart[]; parts: Record<ReadinessPart, PartStatus> };
export type ReadinessChecks = Record<ReadinessPart, () => Promise<PartStatus>>;

/** Runs every check (all of them, so one answer names every failing part); a check that throws fails its part. */
export async function checkReadiness(checks: ReadinessChecks): Promise<Readiness> {
  const names = Object.keys(checks) as ReadinessPart[];
  const results = await Promise.all(
    names.map((name) => checks[name]().catch((error: unknown): PartStatus => ({ ok: false, error: shortReason(error) }))),
  );
  const parts = Object.fromEntries(names.map((name, i) => [name, results[i]])) as Record<ReadinessPart, PartStatus>;
  const failing = names.filter((name) => !parts[name].ok);
  return { ready: failing.length === 0, failing, parts };
}

/** The error's code and first line: enough to act on, without a stack or a connection string. */
export function shortReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const firstLine = error.message.split("\n")[0] ?? "";
  const prefix = typeof code === "string" && !firstLine.includes(code) ? `${code}: ` : error.name !== "Error" ? `${error.name}: ` : "";
  return `${prefix}${firstLine}`.slice(0, 300);
}
