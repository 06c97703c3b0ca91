import { createRequire } from "node:module";
import path from "node:path";

import pino, { type DestinationStream, type Level, type Logger } from "pino";

import { config } from "@/lib/config";

import { currentRequestId } from "./request-context";

type Settings = { level: Level | "silent"; development: boolean };

function settings(): Settings {
  try {
    const env = config();
    return { level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "warn" : "info"), development: env.NODE_ENV === "development" };
  } catch {
    // Invalid configuration is reported by start-up itself; logging that report must not fail as well.
    return { level: "info", development: false };
  }
}

// pino-pretty is a development dependency: loaded by name at run time (never bundled or traced into the
// production image), and only on a development server where it is installed.
function prettyStream(): DestinationStream | undefined {
  try {
    const load = createRequire(path.join(process.cwd(), "package.json"));
    const pretty = load("pino-pretty") as (options: Record<string, unknown>) => DestinationStream;
    return pretty({ colorize: true, sync: true, ignore: "pid,hostname" });
  } catch {
    return undefined;
  }
}

function createLogger(): Logger {
  const { level, development } = settings();
  const options = {
    level,
    base: { service: "msk-portal" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    // The HTTP request that started this work, on every line written inside it (see request-context.ts).
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
  // process.stdout rather than pino's own file descriptor stream: one JSON object per line either way, and
  // the platform's log collector reads stdout.
  return pino(options, (development ? prettyStream() : undefined) ?? process.stdout);
}

const globalForLogger = globalThis as unknown as { portalLogger?: Logger };

/** The portal's one logger: JSON lines on stdout, pretty on a development server. */
export function logger(): Logger {
  return (globalForLogger.portalLogger ??= createLogger());
}
