// Route labels must be few: ids in a path become ":id" so each request does not make its own time series.
const ID_SEGMENT = /^(?=.*\d)[A-Za-z0-9_-]{16,}$|^\d+$/;

export function routeLabel(url: string): string {
  const { pathname } = new URL(url, "http://portal.invalid");
  return pathname
    .split("/")
    .map((segment) => (ID_SEGMENT.test(segment) ? ":id" : segment))
    .join("/");
}

/**
 * The label of one answer. Paths nothing serves (a 404: scanners, typos) would each make a series of their
 * own, so they share one label; Next's build assets are one label per kind (their names are content hashes).
 */
export function httpRouteLabel(url: string, status: number): string {
  if (status === 404) return "(unmatched)";
  const route = routeLabel(url);
  const asset = /^\/_next\/[^/]+/.exec(route);
  return asset ? asset[0] : route;
}
