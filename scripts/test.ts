import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";

import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

// `npm test`: every check and test. The type checker and the linter first, then unit and database tests
// (Vitest) against a real PostgreSQL — the machine's server when one answers on 127.0.0.1:5432, else the
// embedded one — then the end-to-end tests in Chromium.
const DATA = path.resolve(".data");

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status ?? 1;
}

type Counts = { passed: number; failed: number; skipped: number };

function vitestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky, skipped: report.stats.skipped };
}

async function main() {
  mkdirSync(DATA, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  let stopPostgres: (() => Promise<void>) | undefined;
  if (!env.TEST_DATABASE_ADMIN_URL && !(await portOpen(5432))) {
    console.log("[test] no PostgreSQL on 127.0.0.1:5432: starting the embedded one");
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA, "test-postgres") });
    env.TEST_DATABASE_ADMIN_URL = embedded.url;
    stopPostgres = () => embedded.stop();
  }

  const vitestReport = path.join(DATA, "vitest-report.json");
  const playwrightReport = path.join(DATA, "playwright-report.json");
  rmSync(vitestReport, { force: true });
  rmSync(playwrightReport, { force: true });

  const npx = path.resolve("node_modules/.bin");
  const typecheck = run(path.join(npx, "tsc"), ["--noEmit", "-p", "."], env);
  const lint = run(path.join(npx, "eslint"), ["."], env);
  const unit = run(path.join(npx, "vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestReport}`], env);
  const e2e = run(path.join(npx, "playwright"), ["test", "--reporter=list,json"], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
  await stopPostgres?.();

  const unitCounts = vitestCounts(vitestReport);
  const e2eCounts = playwrightCounts(playwrightReport);
  const total = {
    passed: unitCounts.passed + e2eCounts.passed,
    failed: unitCounts.failed + e2eCounts.failed,
    skipped: unitCounts.skipped + e2eCounts.skipped,
  };
  console.log(`\ntypecheck: ${typecheck === 0 ? "clean" : "FAILED"}; lint: ${lint === 0 ? "clean" : "FAILED"}`);
  console.log(`unit and database: ${unitCounts.passed} passed, ${unitCounts.failed} failed; end to end: ${e2eCounts.passed} passed, ${e2eCounts.failed} failed`);
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  process.exit(typecheck === 0 && lint === 0 && unit === 0 && e2e === 0 && total.failed === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
