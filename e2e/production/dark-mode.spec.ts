import { expect, test, type Page } from "@playwright/test";

// Dark mode follows the system setting: the compiled stylesheet of the production build turns the palette
// over under prefers-color-scheme: dark, and leaves the light theme as it is otherwise.
async function lightness(page: Page, selector: string, property: "backgroundColor" | "color"): Promise<number> {
  const value = await page.locator(selector).first().evaluate((el, p) => getComputedStyle(el)[p], property);
  // Chromium reports Tailwind's palette in lab() (lightness 0-100) or oklch() (0-1, or a percentage).
  const lab = /^lab\(([\d.]+)/.exec(value);
  if (lab?.[1]) return Number(lab[1]) / 100;
  const oklch = /^oklch\(([\d.]+)(%?)/.exec(value);
  if (oklch?.[1]) return Number(oklch[1]) / (oklch[2] ? 100 : 1);
  const rgb = /^rgba?\((\d+), (\d+), (\d+)/.exec(value);
  if (!rgb) throw new Error(`cannot read the colour ${value}`);
  return (Number(rgb[1]) + Number(rgb[2]) + Number(rgb[3])) / 765;
}

test("the sign-in page is dark on a dark system and light on a light one, its text readable on both", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/signin");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toBeVisible();
  expect(await lightness(page, "body", "backgroundColor")).toBeLessThan(0.3);
  expect(await lightness(page, "h1", "color")).toBeGreaterThan(0.85);

  await page.emulateMedia({ colorScheme: "light" });
  expect(await lightness(page, "body", "backgroundColor")).toBeGreaterThan(0.9);
  expect(await lightness(page, "h1", "color")).toBeLessThan(0.35);
});
