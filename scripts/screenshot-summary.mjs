// Screenshot of the summary ("At a glance") of a report: node scripts/screenshot-summary.mjs reports/demo/report.html docs/report-summary-en.png
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";
const [file, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(pathToFileURL(file).href);
await page.locator("#at-a-glance").screenshot({ path: out });
await browser.close();
