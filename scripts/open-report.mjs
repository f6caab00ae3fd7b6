// Opens a report file in headless Chromium for the screenshot scripts: a 1280 px wide page in
// `locale`, the fonts loaded. Returns the page and a `close` that ends the browser.
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";

export async function openReport(file, { height = 900, locale = "en" } = {}) {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox"],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height }, locale });
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href);
  await page.evaluate("document.fonts.ready.then(() => true)");
  return { page, close: () => browser.close() };
}
