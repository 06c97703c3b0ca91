import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { completeStandalone } from "./complete-standalone";

// What Next writes first in server.js for each module type (node_modules/next/dist/build/utils.js).
const ESM_SERVER = "performance.mark('next-start');\nimport path from 'node:path'\nconst __dirname = fileURLToPath(new URL('.', import.meta.url))\n";
const CJS_SERVER = "const path = require('path')\n";

function fakeBuild(server: string, tracedType: string): string {
  const distDir = path.join(mkdtempSync(path.join(tmpdir(), "standalone-")), ".next");
  mkdirSync(path.join(distDir, "static", "chunks"), { recursive: true });
  writeFileSync(path.join(distDir, "static", "chunks", "a.js"), "");
  mkdirSync(path.join(distDir, "standalone"), { recursive: true });
  writeFileSync(path.join(distDir, "standalone", "server.js"), server);
  writeFileSync(path.join(distDir, "standalone", "package.json"), JSON.stringify({ name: "portal", version: "1.0.0", type: tracedType }));
  return distDir;
}

describe("completeStandalone", () => {
  it("keeps the package type an ES-module server.js needs (the default .next build, `npm start`)", () => {
    const standalone = completeStandalone(fakeBuild(ESM_SERVER, "module"));
    expect(JSON.parse(readFileSync(path.join(standalone, "package.json"), "utf8"))).toMatchObject({ type: "module" });
  });

  it("says CommonJS for a CommonJS server.js beside which our module package.json was traced", () => {
    const distDir = fakeBuild(CJS_SERVER, "module");
    const standalone = completeStandalone(distDir);
    expect(JSON.parse(readFileSync(path.join(standalone, "package.json"), "utf8"))).toMatchObject({ type: "commonjs" });
  });
});
