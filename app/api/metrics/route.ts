import { config } from "@/lib/config";
import { metricsRefusal } from "@/lib/ops/metrics/metrics-access";
import { scrapeMetrics } from "@/lib/ops/metrics/scrape-metrics";

export const dynamic = "force-dynamic";

// Prometheus scrapes here with the configured bearer token (not an API token: a scraper is not a person).
export async function GET(request: Request): Promise<Response> {
  const refused = metricsRefusal(config().METRICS_TOKEN, request.headers.get("authorization"));
  if (refused) return refused;
  const { contentType, body } = await scrapeMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
