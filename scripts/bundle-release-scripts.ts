import { build } from "esbuild";

// The production image has no tsx and no source: `npm run db:migrate` and `npm run worker` ship as one plain
// JavaScript file each (dist/migrate.mjs, dist/worker.mjs), run with `node` from the standalone folder, whose
// node_modules already hold the packages Next keeps external (pg, pg-boss, the Prisma adapter).
const started = Date.now();
await build({
  entryPoints: { migrate: "scripts/migrate.ts", worker: "scripts/worker.ts" },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  conditions: ["react-server"],
  external: ["pg-native"],
  // Bundled CommonJS packages call require(); an ES module has none of its own.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: "warning",
});
console.log(`bundled dist/migrate.mjs and dist/worker.mjs in ${Date.now() - started} ms`);
