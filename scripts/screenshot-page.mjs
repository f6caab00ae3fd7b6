// Screenshot of the top of a report page (docs/report-screenshot.png):
//   node scripts/screenshot-page.mjs reports/demo/report.html docs/report-screenshot.png [height]
// The viewport is 1280 px wide and `height` px tall (default 2600); the picture is the viewport.
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";
const [file, out, height = "2600"] = process.argv.slice(2);
if (!file || !out) {
  console.error("usage: node scripts/screenshot-page.mjs <report.html> <out.png> [height]");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: Number(height) } });
const page = await context.newPage();
await page.goto(pathToFileURL(file).href);
await page.evaluate("document.fonts.ready.then(() => true)");
await page.screenshot({ path: out });
await browser.close();
