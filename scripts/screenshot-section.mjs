// Screenshot of one section of a report, by its id (the first `limit` charts of it at most):
//   node scripts/screenshot-section.mjs reports/demo/report.html k-views docs/report-k-views.png
// Used to look at the sweep report's per-k views (knife plot beside the PCA map per k).
import { openReport } from "./open-report.mjs";
const [file, id, out, lang = "en"] = process.argv.slice(2);
if (!file || !id || !out) {
  console.error(
    "usage: node scripts/screenshot-section.mjs <report.html> <section id> <out.png> [en|zh-CN]",
  );
  process.exit(2);
}
const { page, close } = await openReport(file, { locale: lang });
const section = page.locator(`#${id}`);
if ((await section.count()) === 0) {
  console.error(`${file} has no section #${id}`);
  await close();
  process.exit(1);
}
await section.screenshot({ path: out });
await close();
