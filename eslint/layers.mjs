import { readdirSync } from "node:fs";
import path from "node:path";

// DESIGN.md's dependency directions as lint rules. Paths are resolved (the TypeScript resolver that
// eslint-config-next sets up), so "@/lib/db/x" and "../db/x" are the same import to these zones.

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));

// Test code may reach anything: the sandbox, seeds, fixtures, every route of the app at once.
export const TEST_FILES = ["**/*.test.ts", "**/*.test.tsx", "**/testing/**", "lib/sandbox/test/**", "e2e/**"];

const PORTAL_RUNTIME = ["./app", "./components", "./lib/!(sandbox)/**", "./instrumentation.{ts,tsx}"];
const ABOVE_LIB = ["./app", "./components", "./prisma"];

// The plugin wants a zone's `from` all globs or none; every folder is written as a glob of its files.
const glob = (p) => (/[*{]/.test(p) ? p : `${p}/**`);
const zone = (target, from, message) => ({
  target: [target].flat().map(glob),
  from: [from].flat().map(glob),
  message,
});

// Route folders (not Next's private `_folders`): one route's modules are its own.
function routeZones() {
  const appDir = path.join(root, "app");
  const routes = readdirSync(appDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith("_") && e.name !== "testing")
    .map((e) => e.name);
  return routes.flatMap((target) =>
    routes
      .filter((other) => other !== target)
      .map((other) =>
        zone(`./app/${target}`, `./app/${other}`, "A route uses only its own modules: move what two routes share to app/_shared, components/ or lib/."),
      ),
  );
}

const structuralZones = [
  zone("./lib/domain", ["./lib/!(domain)/**", ...ABOVE_LIB], "lib/domain is pure: it imports nothing from the rest of the portal."),
  zone("./lib/aws", ["./lib/db", "./lib/provisioner", "./lib/auth", "./lib/api", ...ABOVE_LIB], "lib/aws depends only on lib/domain."),
  // The notifications a change causes are written by lib/db in the change's transaction (lib/db/notifications);
  // lib/notifications delivers them later and reads lib/db, so the arrow points one way.
  zone(
    "./lib/db",
    ["./lib/!(db|domain|config|errors|log|metrics)/**", "./app", "./components"],
    "lib/db depends only on lib/domain (and the configuration, errors, logging and metrics every layer uses).",
  ),
  zone("./lib/provisioner", ["./lib/auth", "./lib/api", ...ABOVE_LIB], "lib/provisioner depends on lib/aws, lib/db and lib/domain."),
  zone("./lib/!(domain|aws|db|provisioner)/**", ABOVE_LIB, "lib/ never imports routes, components or seeds."),
  // Every layer logs and counts, so these two sit below all of them: they read the configuration and nothing else.
  zone(["./lib/log", "./lib/metrics"], ["./lib/!(config|log|metrics)/**", ...ABOVE_LIB], "lib/log and lib/metrics are used by every layer and import only lib/config."),
  zone("./lib/sandbox", [...PORTAL_RUNTIME, "./prisma"], "lib/sandbox models AWS and imports nothing from the portal."),
  zone("./components", ["./app", "./lib/auth/auth.{ts,tsx}", "./lib/db", "./lib/provisioner", "./lib/aws"], "Shared components get data and actions from their route, not from auth, the database or AWS."),
];

const sandboxZone = zone(PORTAL_RUNTIME, "./lib/sandbox", "Only tests, scripts and dev wiring start the sandbox; the portal reaches it through AWS_ENDPOINT_URL.");

const restrictedPaths = (zones) => ["error", { basePath: root, zones }];

const domainPackages = {
  patterns: [
    { group: ["next", "next/*", "next-auth", "next-auth/*", "react", "react-dom", "react/*"], message: "lib/domain is pure: no Next or React." },
    { group: ["@aws-sdk/*", "@smithy/*"], message: "lib/domain is pure: AWS calls belong in lib/aws." },
    { group: ["@prisma/*", "**/generated/prisma/**", "pg", "pg-boss", "server-only"], message: "lib/domain is pure: data access belongs in lib/db." },
  ],
};

export const layerRules = [
  {
    files: ["**/*.ts", "**/*.tsx"],
    ignores: TEST_FILES,
    rules: { "import/no-restricted-paths": restrictedPaths([...structuralZones, ...routeZones(), sandboxZone]) },
  },
  {
    files: TEST_FILES,
    rules: { "import/no-restricted-paths": restrictedPaths(structuralZones.map((z) => ({ ...z, from: [z.from].flat().filter((f) => f !== "./prisma/**") }))) },
  },
  {
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", domainPackages],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "lib/domain reads no configuration; pass it in." }],
    },
  },
];
