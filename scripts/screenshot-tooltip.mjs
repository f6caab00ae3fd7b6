// Screenshot of a chart tooltip in an interactive report (`--interactive`):
//   node scripts/screenshot-tooltip.mjs reports/demo/report.html docs/report-tooltip.png
// Hovers the PCA map's point nearest the chart's centre after picking the first legend entry
// (the other clusters dim), and saves the chart with its tooltip.
import { openReport } from "./open-report.mjs";
const [file, out, section = "pca"] = process.argv.slice(2);
if (!file || !out) {
  console.error("usage: node scripts/screenshot-tooltip.mjs <report.html> <out.png> [section id]");
  process.exit(2);
}
const { page, close } = await openReport(file);
const figure = page.locator(`#${section} figure.chart`).first();
const svg = figure.locator("svg.live");
if ((await svg.count()) === 0) {
  console.error(`${file}: no interactive chart in #${section} (rendered without --interactive?)`);
  await close();
  process.exit(1);
}
await figure.scrollIntoViewIfNeeded();
const entry = svg.locator("g.legend-pick").first();
if ((await entry.count()) > 0) await entry.click();
const box = await svg.boundingBox();
// the picked series' mark nearest the centre of the chart
const target = await svg.evaluate(
  (element, [cx, cy]) => {
    let best = null;
    for (const mark of element.querySelectorAll("g.role-mark > *")) {
      if (mark.style.opacity !== "") continue;
      const r = mark.getBoundingClientRect();
      const d = (r.x + r.width / 2 - cx) ** 2 + (r.y + r.height / 2 - cy) ** 2;
      if (r.width > 0 && (best === null || d < best.d))
        best = { d, x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return best;
  },
  [box.x + box.width / 2, box.y + box.height / 2],
);
await page.mouse.move(target.x, target.y);
await page.locator(".chart-tip:not([hidden])").waitFor();
const figureBox = await figure.boundingBox();
await page.screenshot({ path: out, clip: figureBox });
await close();
