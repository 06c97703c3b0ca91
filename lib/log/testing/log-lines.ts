import { vi } from "vitest";

export type LogLine = Record<string, unknown> & { level: string; msg: string };

/** Collects the JSON lines the portal's logger writes to stdout (and keeps them off the test output). */
export function captureLogLines(): { lines: () => LogLine[]; stop: () => void } {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  });
  return {
    lines: () =>
      written
        .join("")
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as LogLine),
    stop: () => spy.mockRestore(),
  };
}
