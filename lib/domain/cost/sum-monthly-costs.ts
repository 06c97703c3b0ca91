import { roundCents } from "./cost-line";
import type { MethodEstimate } from "./cost-types";

export type MonthlyCostSum = {
  connections: number;
  /** What the priced part of these connections comes to in a month. */
  knownMonthlyUsd: number;
  /** Connections whose traffic is unknown: their per-GB cost is left out of the sum. */
  withoutTraffic: number;
  /** Connections with a line the price table has no figure for: left out of the sum as well. */
  incomplete: number;
  /** Some figure in the sum was not confirmed on AWS's page. */
  unconfirmed: boolean;
};

/**
 * Adds up the planned estimates of several connections (the dashboard's monthly cost per team). Only known
 * figures are added; the counts say what is missing, so a partial sum is never shown as the whole.
 */
export function sumMonthlyCosts(estimates: readonly MethodEstimate[]): MonthlyCostSum {
  let known = 0;
  for (const e of estimates) {
    known += e.totalMonthlyUsd ?? e.fixedMonthlyUsd + e.lines.reduce((a, l) => a + (l.unit === "GB" ? (l.monthlyUsd ?? 0) : 0), 0);
  }
  return {
    connections: estimates.length,
    knownMonthlyUsd: roundCents(known),
    withoutTraffic: estimates.filter((e) => e.lines.some((l) => l.unit === "GB" && l.quantity === null)).length,
    incomplete: estimates.filter((e) => e.incomplete).length,
    unconfirmed: estimates.some((e) => e.unconfirmed),
  };
}
