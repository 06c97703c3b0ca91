import type { CostLine, MethodEstimate } from "./cost-types";

export function formatUsd(usd: number): string {
  // Per-GB rates have more than two places ($0.006); monthly figures are cents.
  const digits = usd !== 0 && Math.abs(usd) < 0.1 ? 3 : 2;
  return `$${usd.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: digits })}`;
}

/** One line's price as the tables show it: "$0.05 per hour", "free", or "no figure". */
export function unitPriceText(line: CostLine): string {
  if (line.unitPriceUsd === null) return "no figure";
  if (line.unitPriceUsd === 0) return "free";
  return `${formatUsd(line.unitPriceUsd)} per ${line.unit === "hour" ? "hour" : "GB"}`;
}

export function quantityText(line: CostLine): string {
  if (line.quantity === null) return "per GB";
  return `${line.quantity.toLocaleString("en-US")} ${line.unit === "hour" ? "hours" : "GB"}`;
}

/** A method's month in words: a total when everything is known, otherwise what is known and what is not. */
export function costSummary(e: MethodEstimate): string {
  if (e.lines.length === 0) return "Nothing added: $0.00 a month";
  if (e.totalMonthlyUsd !== null) return `${formatUsd(e.totalMonthlyUsd)} a month`;
  const fixed = `${formatUsd(e.fixedMonthlyUsd)} a month`;
  if (e.incomplete) return `At least ${fixed}; some prices have no figure`;
  return `${fixed} plus ${formatUsd(e.perGbUsd ?? 0)} per GB of traffic`;
}
