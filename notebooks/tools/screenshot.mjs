#!/usr/bin/env node
/**
 * Renders a notebook as a reader sees it, for the README (`docs/notebook-01.png`):
 * executes it with the runner, exports the result to one HTML file
 * (`export_html.py`: nbconvert draws no vega-lite, so the charts are segwork's
 * SVG fallback, embedded), and photographs the page in headless Chromium with
 * every network request refused — the charts must not need one. `--from` starts
 * the picture at the first heading containing that text.
 *
 *   node notebooks/tools/screenshot.mjs notebooks/01-choose-k.ipynb docs/notebook-01.png \
 *     [--from "Four ways to scale"] [--height 2400]
 */
/* global window, document -- read inside the page by evaluate() */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { repoRoot } from "./kernel.mjs";

const [notebook, png] = process.argv.slice(2);
const flag = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const height = Number(flag("--height") ?? 2400);
const from = flag("--from");
if (!notebook || !png) {
  console.error("usage: screenshot.mjs <notebook.ipynb> <out.png> [--height px]");
  process.exit(2);
}
const work = mkdtempSync(path.join(tmpdir(), "segwork-shot-"));
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
};
run("/usr/bin/python3", ["notebooks/tools/run_notebooks.py", notebook, "--out", work]);
const executed = path.join(work, path.basename(notebook));
const html = executed.replace(/\.ipynb$/, ".html");
run("/usr/bin/python3", ["notebooks/tools/export_html.py", executed, html]);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({
    viewport: { width: 1100, height: 1000 },
    deviceScaleFactor: 1,
  });
  const refused = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    refused.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  const charts = page.locator(".jp-RenderedSVG img");
  const drawn = await charts.evaluateAll(
    (images) => images.filter((image) => image.naturalWidth > 0).length,
  );
  const top = from
    ? await page
        .locator("h1, h2, h3", { hasText: from })
        .first()
        .evaluate((node) => node.getBoundingClientRect().top + window.scrollY - 16)
    : 0;
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({
    path: path.resolve(repoRoot, png),
    fullPage: true,
    clip: { x: 0, y: top, width: 1100, height: Math.min(height, pageHeight - top) },
  });
  console.log(
    `${png}: ${drawn} of ${await charts.count()} charts drawn; refused ${refused.length} requests (${refused.join(", ") || "none"})`,
  );
  console.log(`HTML export: ${html}`);
} finally {
  await browser.close();
}
