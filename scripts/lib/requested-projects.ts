// Playwright starts every webServer of the config whatever projects a run selects, and the production server
// costs a full `next build`: the config asks this which servers the selected projects need. Reads the
// `--project` option as Playwright does (`--project=a`, `--project a b`, repeated); none means every project.
export function requestedProjects(argv: readonly string[]): string[] | "all" {
  const names: string[] = [];
  let inList = false;
  for (const arg of argv) {
    if (arg.startsWith("--project=")) names.push(arg.slice("--project=".length));
    else if (arg === "--project") inList = true;
    else if (arg.startsWith("-")) inList = false;
    else if (inList) names.push(arg);
  }
  return names.length ? names.map((name) => name.toLowerCase()) : "all";
}

export function needsServer(requested: string[] | "all", serverProjects: readonly string[]): boolean {
  return requested === "all" || requested.some((name) => serverProjects.includes(name));
}
