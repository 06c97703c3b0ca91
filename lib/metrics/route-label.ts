// Route labels must be few: ids in a path become ":id" so each request does not make its own time series.
const ID_SEGMENT = /^(?=.*\d)[A-Za-z0-9_-]{16,}$|^\d+$/;

export function routeLabel(url: string): string {
  const { pathname } = new URL(url, "http://portal.invalid");
  return pathname
    .split("/")
    .map((segment) => (ID_SEGMENT.test(segment) ? ":id" : segment))
    .join("/");
}
