// Page numbers come from URLs anyone can type. Beyond this the database is asked to skip more rows than any
// table here will hold; past it (and for 1e308, -1, 2.5) pages fall back to a sane page and the API says why.
export const MAX_PAGE = 10_000;

export type PageNumber = { ok: true; page: number } | { ok: false; message: string };

/** For the API: absent is page 1; anything but a whole number from 1 to MAX_PAGE is refused. */
export function parsePageNumber(raw: string | null | undefined): PageNumber {
  if (raw === null || raw === undefined || raw === "") return { ok: true, page: 1 };
  const page = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (page >= 1 && page <= MAX_PAGE) return { ok: true, page };
  return { ok: false, message: `Use a whole number from 1 to ${MAX_PAGE.toLocaleString("en-US")}` };
}

/** For pages and queries: any value becomes a page that can be asked for; a repeated parameter uses its first. */
export function clampPage(raw: unknown): number {
  const value: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  const page = typeof value === "number" ? value : Number(typeof value === "string" && value !== "" ? value : 1);
  if (!Number.isFinite(page)) return page === Infinity ? MAX_PAGE : 1;
  return Math.min(MAX_PAGE, Math.max(1, Math.floor(page)));
}
