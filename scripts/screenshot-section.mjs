// Screenshot of one section of a report, by its id (the first `limit` charts of it at most):
//   node scripts/screenshot-section.mjs reports/demo/report.html k-views docs/report-k-views.png
// Used to look at the sweep report's per-k views (knife plot beside the PCA map per k).
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";
const [file, id, out, lang = "en"] = process.argv.slice(2);
if (!file || !id || !out) {
  console.error(
    "usage: node scripts/screenshot-section.mjs <report.html> <section id> <out.png> [en|zh-CN]",
  );
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang });
const page = await context.newPage();
await page.goto(pathToFileURL(file).href);
await page.evaluate("document.fonts.ready.then(() => true)");
const section = page.locator(`#${id}`);
if ((await section.count()) === 0) {
  console.error(`${file} has no section #${id}`);
  await browser.close();
  process.exit(1);
}
await section.screenshot({ path: out });
await browser.close();
