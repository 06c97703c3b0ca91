import type { CostLine } from "./cost-types";
import type { PriceQuote } from "./price-lookup";

/** A line at a quoted price; `quantity` null keeps a per-GB line "per GB" while the traffic is unknown. */
export function costLine(label: string, region: string, unit: CostLine["unit"], quantity: number | null, price: PriceQuote): CostLine {
  return {
    label,
    region,
    unit,
    quantity,
    unitPriceUsd: price.usd,
    monthlyUsd: quantity === null || price.usd === null ? null : roundCents(quantity * price.usd),
    confirmed: price.confirmed,
    fallback: price.fallback,
    source: price.source,
    checked: price.checked,
  };
}

export function roundCents(usd: number): number {
  return Math.round(usd * 100) / 100;
}
