import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

// The dark theme in globals.css writes out Tailwind's colour values (a custom property cannot name the one it
// replaces). Each line says which step it takes; this checks the value is that step's in the Tailwind
// installed, and that every palette step the portal's classes use is turned over.
const css = readFileSync(path.join(process.cwd(), "app/globals.css"), "utf8");
const theme = readFileSync(path.join(process.cwd(), "node_modules/tailwindcss/theme.css"), "utf8");
const tailwind = new Map([...theme.matchAll(/--color-([a-z]+(?:-\d+)?):\s*([^;]+);/g)].map((m) => [m[1], m[2]]));
const dark = css.slice(css.indexOf("@media (prefers-color-scheme: dark)"));
const overrides = [...dark.matchAll(/--color-([a-z]+(?:-\d+)?):\s*([^;]+);\s*\/\* ([a-z]+(?:-\d+)?) \*\//g)].map((m) => ({
  name: m[1] ?? "",
  value: m[2] ?? "",
  takes: m[3] ?? "",
}));

describe("the dark theme", () => {
  it("takes each colour from the Tailwind step it names", () => {
    expect(overrides.length).toBeGreaterThan(60);
    for (const o of overrides) expect(o.value, `${o.name} takes ${o.takes}`).toBe(tailwind.get(o.takes));
  });

  it("turns every step the light theme's surfaces and text use to its opposite end", () => {
    const takes = (name: string) => overrides.find((o) => o.name === name)?.takes;
    expect(takes("white")).toBe("slate-900");
    expect(takes("slate-50")).toBe("slate-950");
    expect(takes("slate-900")).toBe("slate-50");
    expect(takes("rose-50")).toBe("rose-950");
    expect(takes("rose-800")).toBe("rose-200");
  });

  it("covers every palette colour the components use", () => {
    const used = new Set<string>();
    for (const dir of ["app", "components"]) {
      for (const file of walk(path.join(process.cwd(), dir))) {
        for (const m of readFileSync(file, "utf8").matchAll(/\b(?:bg|text|border|ring|fill|stroke|divide|outline|from|to|accent)-((?:[a-z]+-\d{2,3})|white)\b/g)) {
          used.add(m[1] ?? "");
        }
      }
    }
    const turned = new Set(overrides.map((o) => o.name));
    expect([...used].filter((c) => !turned.has(c)).sort()).toEqual([]);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));
}
