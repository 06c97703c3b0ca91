import { z } from "zod";

import type { CostEstimate } from "@/lib/domain/cost/cost-types";
import { CONNECTION_METHODS } from "@/lib/domain/plan/plan-types";

const usd = z.number().meta({ description: "US dollars" });

const costLineJsonSchema = z.object({
  label: z.string(),
  region: z.string(),
  unit: z.enum(["hour", "GB"]),
  quantity: z.number().nullable().meta({ description: "Hours or GB a month; null for a per-GB line while the expected traffic is unknown" }),
  unitPriceUsd: usd.nullable().meta({ description: "null: the price table has no figure for it" }),
  monthlyUsd: usd.nullable(),
  confirmed: z.boolean().meta({ description: "false: the price was not confirmed on AWS's own pricing page" }),
  fallback: z.boolean().meta({ description: "The Region has no price of its own; the table's fallback price was used" }),
  source: z.string().meta({ description: "The AWS page the price belongs to" }),
  checked: z.string().meta({ description: "The day the price was checked (YYYY-MM-DD)" }),
});

const methodEstimateJsonSchema = z.object({
  method: z.enum(CONNECTION_METHODS),
  planned: z.boolean().meta({ description: "The plan's own method; the others are what the same request would cost another way" }),
  lines: z.array(costLineJsonSchema),
  notes: z.array(z.string()),
  fixedMonthlyUsd: usd.meta({ description: "The hourly lines with a known price, for a month (730 hours)" }),
  perGbUsd: usd.nullable().meta({ description: "Every per-GB rate added up; null when one has no figure" }),
  totalMonthlyUsd: usd.nullable().meta({ description: "null while the expected traffic or a price is unknown" }),
  incomplete: z.boolean(),
  unconfirmed: z.boolean(),
});

/** The monthly cost of what the plan adds, and the other methods beside it. */
export const costEstimateJsonSchema = z.object({
  expectedGbPerMonth: z.number().int().nullable(),
  planned: methodEstimateJsonSchema,
  comparison: z.array(methodEstimateJsonSchema).meta({ description: "Every method the planner could use for this request, the planned one first" }),
}) satisfies z.ZodType<CostEstimate>;
