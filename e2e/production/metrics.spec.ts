import { expect, test } from "@playwright/test";

import { E2E_METRICS_TOKEN } from "./metrics-token";

// The HTTP series count what the server really answered, pages included, not only the JSON API's handlers.
const series = async (request: import("@playwright/test").APIRequestContext) => {
  const response = await request.get("/api/metrics", { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  expect(response.status()).toBe(200);
  return response.text();
};

const countOf = (text: string, labels: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`portal_http_requests_total{${labels}}`));
  return line ? Number(line.split(" ").at(-1)) : 0;
};

test("pages, API calls and unknown paths are counted by route and status", async ({ page, request }) => {
  const before = await series(request);
  await page.goto("/signin");
  expect((await request.get("/api/v1/requests")).status()).toBe(401);
  expect((await request.get("/no-such-page-here")).status()).toBe(404);
  await expect.poll(async () => countOf(await series(request), 'route="/signin",method="GET",status="200"')).toBeGreaterThan(countOf(before, 'route="/signin",method="GET",status="200"'));
  const after = await series(request);
  expect(countOf(after, 'route="/api/v1/requests",method="GET",status="401"')).toBeGreaterThan(countOf(before, 'route="/api/v1/requests",method="GET",status="401"'));
  expect(countOf(after, 'route="(unmatched)",method="GET",status="404"')).toBeGreaterThan(countOf(before, 'route="(unmatched)",method="GET",status="404"'));
  expect(after).toMatch(/portal_http_requests_total\{route="\/_next\/static",method="GET",status="200"\} [1-9]/);
  expect(after).not.toContain("no-such-page-here");
});
