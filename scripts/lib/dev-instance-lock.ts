import { readFileSync, rmSync, writeFileSync } from "node:fs";

type Holder = { pid: number; url: string };

// One `npm run dev` per folder: a second one would fight the first over the embedded database's data
// directory and the sandbox's port, and fail with errors that do not say why.
export function claimDevInstance(file: string, url: string): { release(): void } | { runningAt: Holder } {
  const holder = readHolder(file);
  if (holder && holder.pid !== process.pid && isAlive(holder.pid)) return { runningAt: holder };
  writeFileSync(file, JSON.stringify({ pid: process.pid, url } satisfies Holder));
  return {
    release: () => {
      if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}

function readHolder(file: string): Holder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<Holder>;
    return typeof parsed.pid === "number" && typeof parsed.url === "string" ? { pid: parsed.pid, url: parsed.url } : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
