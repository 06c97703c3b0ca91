import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { buildStandalone } from "../lib/standalone-build";

export type PortalServer = {
  url: string;
  mode: "standalone server (production build)" | "next dev";
  /** The server's process, whose memory the export bench reads. */
  pid: number;
  stop(): Promise<void>;
};

const NEXT_BIN = "node_modules/next/dist/bin/next";
// Its own build directory and tsconfig (next.config.js's hook for a second server), so a developer's `next dev`
// and the end-to-end servers keep theirs; Next rewrites next-env.d.ts for the directory, so it is put back after,
// and the build is removed. The tsconfig's name is the one buildStandalone gives a directory called "bench".
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

function collect(child: ChildProcess, output: string[]): ChildProcess {
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  return child;
}

function runNextDev(port: number, env: Record<string, string>, output: string[]): ChildProcess {
  writeTsconfig();
  const args = [NEXT_BIN, "dev", "-p", String(port), "-H", "127.0.0.1"];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, NODE_ENV: "development", PORTAL_E2E_DIST_DIR: DIST_DIR, PORTAL_E2E_TSCONFIG: TSCONFIG },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return collect(child, output);
}

// What `npm start` and the image run: server.js of the completed standalone folder, from that folder.
function runStandalone(standalone: string, port: number, env: Record<string, string>, output: string[]): ChildProcess {
  const child = spawn(process.execPath, ["server.js"], {
    cwd: standalone,
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return collect(child, output);
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
 * The production build as `npm run build` makes it, started as `npm start` does, on 127.0.0.1:`port`; when the
 * build fails (e.g. code under edit elsewhere) `next dev` instead, which the caller reports.
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
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const standalone = await buildStandalone({ distDir: DIST_DIR, reuse: false, log, output: (chunk) => output.push(chunk) }).then(
    (folder) => folder,
    (error: unknown) => {
      log(`${error instanceof Error ? error.message : String(error)}; falling back to next dev:\n${output.join("").slice(-3_000)}`);
      return null;
    },
  );
  if (standalone) {
    const server = runStandalone(standalone, port, env, output);
    if (await untilHealthy(url, server, 60_000)) {
      return {
        url,
        mode: "standalone server (production build)",
        pid: server.pid ?? 0,
        stop: async () => {
          await stopChild(server);
          restore();
        },
      };
    }
    await stopChild(server);
    log(`the standalone server did not answer:\n${output.join("").slice(-3_000)}`);
  }
  const dev = runNextDev(port, env, output);
  if (!(await untilHealthy(url, dev, 120_000))) {
    await stopChild(dev);
    restore();
    throw new Error(`next dev did not start:\n${output.join("").slice(-3_000)}`);
  }
  return {
    url,
    mode: "next dev",
    pid: dev.pid ?? 0,
    stop: async () => {
      await stopChild(dev);
      restore();
    },
  };
}
