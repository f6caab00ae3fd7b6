/**
 * Accessibility of the full report (the demo's composition, on the Online
 * Retail fixture), checked in headless Chromium with axe-core injected into
 * the page: no serious or critical violation (contrast of text ≥ 4.5:1
 * included, rule `color-contrast`), one h1, headings in order without a
 * skipped level, a header cell with a scope on every table.
 */
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderFullReport } from "../../src/report/documents/full-report.js";
import { makeSegmentFixture } from "../report-segments/fixture.js";
import { browserRequired, browserUnavailableReason, launchBrowser } from "./browser.js";

const unavailable = browserUnavailableReason();
const skip = unavailable !== null && !browserRequired();
if (skip) console.warn(`accessibility tests skipped: ${unavailable}`);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations of the page, as "rule: target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(
    createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
    "utf8",
  );
  await page.addScriptTag({ content: source });
  const violations = (await page.evaluate(
    "axe.run(document).then((r) => r.violations)",
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id} (${v.help}): ${n.target.join(" ")}`));
}

describe.skipIf(skip)("accessibility of the full report", () => {
  let browser: Browser | null = null;
  const files: Record<"static" | "interactive", string> = { static: "", interactive: "" };

  beforeAll(async () => {
    const { input } = await makeSegmentFixture();
    const html = await renderFullReport(input);
    const dir = mkdtempSync(path.join(tmpdir(), "segwork-a11y-"));
    files.static = path.join(dir, "report.html");
    files.interactive = path.join(dir, "interactive.html");
    writeFileSync(files.static, html);
    // the interactive layer as --interactive adds it: charts with tooltips and legend selection
    writeFileSync(files.interactive, await renderFullReport({ ...input, interactive: true }));
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const kind of ["static", "interactive"] as const) {
    it(`${kind}: no serious or critical axe-core violation`, async () => {
      // axe is injected as a script, which the report's own policy forbids: bypass it for the check only.
      const context = await browser!.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(pathToFileURL(files[kind]).href);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }, 120_000);
  }

  it("interactive, with a legend entry picked and a tooltip showing: no serious or critical violation", async () => {
    const context = await browser!.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(pathToFileURL(files.interactive).href);
    const chart = page.locator("#pca svg.live");
    await chart.scrollIntoViewIfNeeded();
    await chart.locator("g.legend-pick").first().click();
    const box = (await chart.locator("g.role-mark.mark-symbol > path").first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator(".chart-tip").isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it("one h1, headings in order, a scope on every header cell", async () => {
    const page = await browser!.newPage();
    await page.goto(pathToFileURL(files.static).href);
    const levels = await page
      .locator("h1, h2, h3, h4, h5, h6")
      .evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    expect(await page.locator("th:not([scope])").count()).toBe(0);
    expect(await page.locator("th").count()).toBeGreaterThan(20);
    await page.close();
  });
});
