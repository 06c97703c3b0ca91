import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

export type ExportFigures = { format: string; lines: number; bytes: number; ms: number; rssBeforeMb: number; peakRssMb: number };

/** The resident memory of a process now, in MB (Linux: /proc/<pid>/status). */
// NaN when it cannot be read (no pid, not Linux). Under `next dev` the pid is the CLI's, whose child serves the
// pages: the figure is meaningful for the production build only, which is what the bench starts when it can.
function rssMb(pid: number): number {
  if (pid <= 0) return NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

/**
 * Downloads the whole audit history through the audit page's export link, reading the stream as it comes, while
 * the server's resident memory is sampled every 20 ms: a streamed export keeps it flat however many events.
 */
export async function benchExport(base: string, cookie: string, pid: number, format: "ndjson" | "csv"): Promise<ExportFigures> {
  const rssBeforeMb = rssMb(pid);
  let peakRssMb = rssBeforeMb;
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, rssMb(pid)) || peakRssMb;
  }, 20);
  const started = performance.now();
  try {
    const response = await fetch(`${base}/audit/export?format=${format}`, { headers: { cookie } });
    if (response.status !== 200 || !response.body) throw new Error(`GET /audit/export answered ${response.status}`);
    let lines = 0;
    let bytes = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const byte of value) if (byte === 10) lines++;
    }
    return { format, lines, bytes, ms: performance.now() - started, rssBeforeMb, peakRssMb: Math.max(peakRssMb, rssMb(pid)) };
  } finally {
    clearInterval(sampler);
  }
}
