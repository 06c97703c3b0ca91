import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// `next build` leaves the static assets and public files out of <distDir>/standalone for a CDN to serve; this
// portal serves them itself, so they go beside server.js, which then runs on its own (`npm start`, the image).
export function completeStandalone(distDir: string): string {
  const standalone = path.resolve(distDir, "standalone");
  cpSync(path.resolve(distDir, "static"), path.join(standalone, distDir, "static"), { recursive: true });
  if (existsSync("public")) cpSync("public", path.join(standalone, "public"), { recursive: true });
  // Next writes server.js as CommonJS, but traces our package.json (`"type": "module"`) in beside it when code
  // resolves from it, which makes Node load server.js as an ES module and fail. The copy says CommonJS.
  const manifest = path.join(standalone, "package.json");
  const own = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, "utf8")) as Record<string, unknown>) : {};
  writeFileSync(manifest, JSON.stringify({ name: own.name, version: own.version, private: true, type: "commonjs" }, null, 2));
  return standalone;
}
