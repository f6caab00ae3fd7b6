// Screenshot of the summary ("At a glance") of a report:
//   node scripts/screenshot-summary.mjs reports/demo/report.html docs/report-summary-en.png
//   node scripts/screenshot-summary.mjs reports/demo-zh/report.html docs/report-summary-zh.png zh-CN
// The optional third argument is the report's language: the browser runs in that locale (so
// font fallback picks that script's faces) and the script stops if the report is in another one.
import { openReport } from "./open-report.mjs";
const [file, out, lang = "en"] = process.argv.slice(2);
if (!file || !out) {
  console.error("usage: node scripts/screenshot-summary.mjs <report.html> <out.png> [en|zh-CN]");
  process.exit(2);
}
const { page, close } = await openReport(file, { locale: lang });
const documentLang = await page.locator("html").getAttribute("lang");
if (documentLang !== lang) {
  console.error(`${file} is a report in "${documentLang}", not "${lang}"`);
  await close();
  process.exit(1);
}
await page.locator("#at-a-glance").screenshot({ path: out });
await close();
