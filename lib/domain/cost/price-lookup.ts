import { PRICE_TABLE, type PriceEntry, type PriceKind } from "./price-table";

/** A price as it applies to one Region: `fallback` says the Region has no row of its own. */
export type PriceQuote = PriceEntry & { fallback: boolean };

export function priceFor(kind: PriceKind, region: string, table: readonly PriceEntry[] = PRICE_TABLE): PriceQuote {
  const ofKind = table.filter((e) => e.kind === kind);
  const own = ofKind.find((e) => e.region === region) ?? ofKind.find((e) => e.region === "all");
  if (own) return { ...own, fallback: false };
  const fallback = ofKind.find((e) => e.region === "fallback");
  // The table's shape test proves every kind has a row for every Region or a fallback.
  if (!fallback) throw new Error(`The price table has no ${kind} price for ${region} and no fallback`);
  return { ...fallback, fallback: true };
}
