import type { ConnectionMethod } from "../plan/plan-types";

export const HOURS_PER_MONTH = 730;

/** One thing the connection is billed for, at one price from the table. */
export type CostLine = {
  label: string;
  region: string;
  unit: "hour" | "GB";
  /** Hours or GB a month; null for a per-GB line while the expected traffic is unknown. */
  quantity: number | null;
  /** Null when the table has no figure for it. */
  unitPriceUsd: number | null;
  /** quantity × price; null when either is unknown. */
  monthlyUsd: number | null;
  confirmed: boolean;
  /** The Region had no row of its own and was priced from the fallback row. */
  fallback: boolean;
  source: string;
  checked: string;
};

export type MethodEstimate = {
  method: ConnectionMethod;
  /** The method the plan uses; the others are what the same request would cost another way. */
  planned: boolean;
  lines: CostLine[];
  /** Assumptions and what is left out, in plain words. */
  notes: string[];
  /** The hourly lines with a known price, for a month. */
  fixedMonthlyUsd: number;
  /** The per-GB rates added up (null if one is unknown): the cost of each GB of expected traffic. */
  perGbUsd: number | null;
  /** Everything for a month; null while the traffic or a price is unknown. */
  totalMonthlyUsd: number | null;
  /** Some line has no price in the table. */
  incomplete: boolean;
  /** Some line relies on a price that was not confirmed on AWS's page. */
  unconfirmed: boolean;
};

export type CostEstimate = {
  expectedGbPerMonth: number | null;
  planned: MethodEstimate;
  /** Every method the planner could use for this request, the planned one first. */
  comparison: MethodEstimate[];
};
