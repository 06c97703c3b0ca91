import { appRouteOf } from "./app-routes";

/**
 * The label of one answer: the app route's template (`/requests/[id]`), so a label never carries an id or
 * anything else a client chose. Next's build assets are one label per kind; a 404 is "(unmatched)"; a path
 * no route serves (Next's trailing-slash redirects, refused URLs) is "(other)".
 */
export function httpRouteLabel(url: string, status: number): string {
  if (status === 404) return "(unmatched)";
  const { pathname } = new URL(url, "http://portal.invalid");
  const asset = /^\/_next\/(static|image|data)\b/.exec(pathname);
  if (asset) return `/_next/${asset[1]}`;
  if (pathname === "/icon.svg" || pathname === "/favicon.ico") return pathname;
  return appRouteOf(pathname) ?? "(other)";
}
