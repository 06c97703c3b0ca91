import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// `next build` leaves the static assets and public files out of <distDir>/standalone for a CDN to serve; this
// portal serves them itself, so they go beside server.js, which then runs on its own (`npm start`, the image).
export function completeStandalone(distDir: string): string {
  const standalone = path.resolve(distDir, "standalone");
  cpSync(path.resolve(distDir, "static"), path.join(standalone, distDir, "static"), { recursive: true });
  if (existsSync("public")) cpSync("public", path.join(standalone, "public"), { recursive: true });
  // Next writes server.js as an ES module when it finds `"type": "module"` in the package.json beside the build
  // directory (ours, for the default `.next`), and as CommonJS otherwise (a nested build directory such as the
  // e2e one); either way it may trace our package.json in beside it, which must then say what server.js is.
  const manifest = path.join(standalone, "package.json");
  const own = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, "utf8")) as Record<string, unknown>) : {};
  const type = readFileSync(path.join(standalone, "server.js"), "utf8").includes("import.meta.url") ? "module" : "commonjs";
  writeFileSync(manifest, JSON.stringify({ name: own.name, version: own.version, private: true, type }, null, 2));
  return standalone;
}
