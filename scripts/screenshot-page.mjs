// Screenshot of the top of a report page (docs/report-screenshot.png):
//   node scripts/screenshot-page.mjs reports/demo/report.html docs/report-screenshot.png [height]
// The viewport is 1280 px wide and `height` px tall (default 2600); the picture is the viewport.
import { openReport } from "./open-report.mjs";
const [file, out, height = "2600"] = process.argv.slice(2);
if (!file || !out) {
  console.error("usage: node scripts/screenshot-page.mjs <report.html> <out.png> [height]");
  process.exit(2);
}
const { page, close } = await openReport(file, { height: Number(height) });
await page.screenshot({ path: out });
await close();
