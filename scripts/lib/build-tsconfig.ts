import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

// Next adds its type globs to the tsconfig a build is given; a second build directory gets a tsconfig of its own
// (under .data: Turbopack cannot read one inside the build directory), so tsconfig.json stays as it is.
export function writeBuildTsconfig(distDir: string, file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const fromFile = (p: string) => path.relative(path.dirname(file), path.resolve(p)) || ".";
  const tsconfig = {
    extends: `${fromFile(".")}/tsconfig.json`,
    compilerOptions: { paths: { "@/*": [`${fromFile(".")}/*`] } },
    include: [
      `${fromFile(".")}/next-env.d.ts`,
      `${fromFile(".")}/**/*.ts`,
      `${fromFile(".")}/**/*.tsx`,
      `${fromFile(distDir)}/types/**/*.ts`,
    ],
    exclude: [fromFile("node_modules"), fromFile(".data"), fromFile(".next")],
  };
  writeFileSync(file, JSON.stringify(tsconfig, null, 2));
  return file;
}
