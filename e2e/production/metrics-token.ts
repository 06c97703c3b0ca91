// The scrape token the production e2e server is started with (scripts/e2e-prod-server.ts); a test value only.
export const E2E_METRICS_TOKEN = "e2e-production-metrics-scrape-token";
