export { estimatePlanCost, methodsToCompare, type PlanCostInput } from "./estimate-plan-cost";
export { requestCostEstimate, requestMonthlyCost, type RequestCostFacts } from "./request-cost";
export { sumMonthlyCosts, type MonthlyCostSum } from "./sum-monthly-costs";
export { expectedGbFromText, expectedGbPerMonthSchema, MAX_EXPECTED_GB_PER_MONTH } from "./expected-traffic";
export { PRICE_KINDS, PRICE_SOURCES, PRICE_TABLE, PRICED_REGIONS, PRICES_CHECKED_ON, priceEntrySchema, type PriceEntry, type PriceKind } from "./price-table";
export { priceFor, type PriceQuote } from "./price-lookup";
export { costSummary, formatUsd, quantityText, unitPriceText } from "./cost-summary";
export { HOURS_PER_MONTH, type CostEstimate, type CostLine, type MethodEstimate } from "./cost-types";
