import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";

import { writeBuildTsconfig } from "./build-tsconfig";
import { completeStandalone } from "./complete-standalone";

// What `npm run build` does (`next build`, then completeStandalone), into a build directory of its own: the
// standalone server laid out as `npm start` and the image run it.
export async function buildStandalone(options: {
  distDir: string;
  reuse: boolean;
  log: (line: string) => void;
  /** Where next build's own output goes instead of this process's terminal. */
  output?: (chunk: string) => void;
}): Promise<string> {
  const standalone = path.resolve(options.distDir, "standalone");
  if (options.reuse && existsSync(path.join(standalone, "server.js"))) {
    options.log(`reusing the build in ${options.distDir}`);
    return standalone;
  }
  const started = Date.now();
  rmSync(options.distDir, { recursive: true, force: true });
  const tsconfig = writeBuildTsconfig(options.distDir, `.data/${path.basename(options.distDir)}-tsconfig.json`);
  // No secrets and no database at build time, as in the image's build stage: the build must not need them.
  const code = await new Promise<number>((resolve) => {
    const build = spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      stdio: options.output ? ["ignore", "pipe", "pipe"] : "inherit",
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        PORTAL_E2E_DIST_DIR: options.distDir,
        PORTAL_E2E_TSCONFIG: tsconfig,
        PORTAL_E2E_SKIP_TYPECHECK: "1",
      },
    });
    for (const stream of [build.stdout, build.stderr]) stream?.on("data", (chunk: Buffer) => options.output?.(chunk.toString()));
    build.once("exit", (exit) => resolve(exit ?? 1));
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  completeStandalone(options.distDir);
  options.log(`next build finished in ${Math.round((Date.now() - started) / 1000)} s`);
  return standalone;
}
