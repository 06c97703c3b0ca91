import { z } from "zod";

import type { CheckTarget } from "./check-targets";

/** What the script sends back: one line per broker and port, as it saw them from the client's host. */
export const checkReportSchema = z.strictObject({
  // What the script sends: `hostname` with everything but letters, digits, dot, dash and underscore removed.
  hostname: z.string().max(255).regex(/^[A-Za-z0-9._-]*$/, "letters, digits, dots, dashes and underscores only"),
  results: z
    .array(
      z.strictObject({
        host: z.string().max(253),
        port: z.number().int().min(1).max(65535),
        resolved: z.array(z.union([z.ipv4(), z.ipv6()])).max(16),
        tcp: z.enum(["ok", "failed"]),
        // skipped: a plaintext port; not-tried: no TCP connection to try it on; not-checked: no openssl on the host.
        tls: z.enum(["ok", "failed", "skipped", "not-tried", "not-checked"]),
      }),
    )
    .min(1)
    .max(64),
});
export type CheckReport = z.infer<typeof checkReportSchema>;
export type CheckResult = CheckReport["results"][number];

/**
 * Whether one line passed: it connected (so the name resolved, whether or not the host had a tool to list
 * the addresses) and completed TLS where its port speaks it.
 */
export function resultPassed(result: CheckResult): boolean {
  return result.tcp === "ok" && (result.tls === "ok" || result.tls === "skipped");
}

/**
 * Why a report cannot be taken: it must answer for exactly the brokers the command was made for, each once.
 * Null when it does.
 */
export function reportMismatch(report: CheckReport, targets: readonly CheckTarget[]): string | null {
  const key = (t: { host: string; port: number }) => `${t.host.toLowerCase()}:${t.port}`;
  const wanted = new Set(targets.map(key));
  const got = report.results.map(key);
  if (new Set(got).size !== got.length) return "a broker is reported twice";
  const unknown = got.find((k) => !wanted.has(k));
  if (unknown) return `${unknown} is not one of this request's brokers`;
  const missing = [...wanted].find((k) => !got.includes(k));
  if (missing) return `${missing} is missing from the report`;
  // What the script can say of a line, given its port and its connection; anything else was not written by it.
  for (const r of report.results) {
    const target = targets.find((t) => key(t) === key(r));
    if (target && (r.tls === "skipped") !== !target.tls) return `${key(r)} ${target.tls ? "speaks TLS" : "is a plaintext port"}: its TLS result cannot be ${r.tls}`;
    if (r.tcp === "failed" && r.tls !== "not-tried" && target?.tls) return `${key(r)} did not connect, so TLS cannot have been tried`;
    if (r.tcp === "ok" && r.tls === "not-tried") return `${key(r)} connected, so TLS must have been tried`;
  }
  return null;
}

/** "3 of 3 broker addresses reached" or "1 of 3 …": the line the audit and the page use. */
export function reportSummary(results: readonly CheckResult[]): string {
  const passed = results.filter(resultPassed).length;
  return `${passed} of ${results.length} broker address${results.length === 1 ? "" : "es"} reached${passed === results.length ? "" : ` (${results.length - passed} failed)`}`;
}
