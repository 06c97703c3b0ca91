import { performance } from "node:perf_hooks";

export type PageTiming = { label: string; path: string; p50: number; p95: number; bytes: number };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/**
 * Sequential GETs over one keep-alive connection: time from sending to the last byte of the body. Anything but a 200
 * with the expected text (e.g. a redirect to /signin) would time the wrong page, so it stops the bench.
 */
export async function timePage(
  base: string,
  label: string,
  path: string,
  cookie: string | null,
  runs: { warmUp: number; measured: number },
  mustContain: string,
): Promise<PageTiming> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs.warmUp + runs.measured; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers, redirect: "manual" });
    const body = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 200 || !body.includes(mustContain)) {
      throw new Error(`GET ${path} answered ${response.status} without "${mustContain}": ${body.slice(0, 200)}`);
    }
    if (i >= runs.warmUp) times.push(elapsed);
    bytes = body.length;
  }
  times.sort((a, b) => a - b);
  return { label, path, p50: percentile(times, 50), p95: percentile(times, 95), bytes };
}
