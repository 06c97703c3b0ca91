import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export type PortalServer = { url: string; mode: "next start (production build)" | "next dev"; stop(): Promise<void> };

const NEXT_BIN = "node_modules/next/dist/bin/next";
// Its own build directory and tsconfig (next.config.js's hook for a second server), so a developer's `next dev`
// and the end-to-end server keep theirs; Next rewrites next-env.d.ts for the directory, so it is put back after,
// and the build is removed.
const DIST_DIR = ".next/bench";
const TSCONFIG = ".data/bench-tsconfig.json";
const NEXT_ENV_DTS = "next-env.d.ts";

function writeTsconfig(): void {
  mkdirSync(path.dirname(TSCONFIG), { recursive: true });
  const tsconfig = {
    extends: "../tsconfig.json",
    compilerOptions: { paths: { "@/*": ["../*"] } },
    include: [
      "../next-env.d.ts",
      "../**/*.ts",
      "../**/*.tsx",
      `../${DIST_DIR}/types/**/*.ts`,
      `../${DIST_DIR}/dev/types/**/*.ts`,
    ],
    exclude: ["../node_modules", "../.data", "../.next"],
  };
  writeFileSync(TSCONFIG, JSON.stringify(tsconfig, null, 2));
}

function runNext(args: string[], env: NodeJS.ProcessEnv, output: string[]): ChildProcess {
  const child = spawn(process.execPath, [NEXT_BIN, ...args], {
    env: { ...process.env, ...env, PORTAL_E2E_DIST_DIR: DIST_DIR, PORTAL_E2E_TSCONFIG: TSCONFIG },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  return child;
}

const exited = (child: ChildProcess) => new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? 1)));

async function untilHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = exited(child);
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await done;
  clearTimeout(timer);
}

/**
 * `next build` then `next start` with NODE_ENV=production on 127.0.0.1:`port`; when the build fails (e.g. code
 * under edit elsewhere) `next dev` instead, which the caller reports.
 */
export async function startPortalServer(
  port: number,
  env: Record<string, string>,
  log: (line: string) => void,
): Promise<PortalServer> {
  const nextEnvDts = existsSync(NEXT_ENV_DTS) ? readFileSync(NEXT_ENV_DTS, "utf8") : undefined;
  const restore = () => {
    if (nextEnvDts !== undefined) writeFileSync(NEXT_ENV_DTS, nextEnvDts);
    rmSync(TSCONFIG, { force: true });
    rmSync(DIST_DIR, { recursive: true, force: true });
  };
  writeTsconfig();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const started = Date.now();
  const built = await exited(runNext(["build"], { ...env, NODE_ENV: "production" }, output));
  if (built === 0) {
    log(`next build finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const server = runNext(["start", "-p", String(port), "-H", "127.0.0.1"], { ...env, NODE_ENV: "production" }, output);
    if (await untilHealthy(url, server, 60_000)) {
      return {
        url,
        mode: "next start (production build)",
        stop: async () => {
          await stopChild(server);
          restore();
        },
      };
    }
    await stopChild(server);
    log(`next start did not answer:\n${output.join("").slice(-3_000)}`);
  } else {
    log(`next build failed (exit ${built}); falling back to next dev:\n${output.join("").slice(-3_000)}`);
  }
  const dev = runNext(["dev", "-p", String(port), "-H", "127.0.0.1"], { ...env, NODE_ENV: "development" }, output);
  if (!(await untilHealthy(url, dev, 120_000))) {
    await stopChild(dev);
    restore();
    throw new Error(`next dev did not start:\n${output.join("").slice(-3_000)}`);
  }
  return {
    url,
    mode: "next dev",
    stop: async () => {
      await stopChild(dev);
      restore();
    },
  };
}
