/**
 * Accessibility of the full report (the demo's composition, on the Online
 * Retail fixture) in each report language, checked in headless Chromium
 * (one browser) with axe-core injected into the page: no serious or critical
 * violation (contrast of text ≥ 4.5:1 included, rule `color-contrast`) in
 * the static report and in the interactive one while it is used from the
 * keyboard (a legend entry pressed, a mark's tooltip shown); one h1,
 * headings in order without a skipped level, a header cell with a scope on
 * every table.
 */
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderFullReport } from "../../src/report/documents/full-report.js";
import { LANGS, type Lang } from "../../src/report/i18n/index.js";
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
  const files = new Map<Lang, Record<"static" | "interactive", string>>();

  beforeAll(async () => {
    const { input } = await makeSegmentFixture();
    const dir = mkdtempSync(path.join(tmpdir(), "segwork-a11y-"));
    for (const lang of LANGS) {
      const paths = {
        static: path.join(dir, `${lang}.html`),
        interactive: path.join(dir, `${lang}-interactive.html`),
      };
      writeFileSync(paths.static, await renderFullReport({ ...input, lang }));
      // the interactive layer as --interactive adds it: charts with tooltips and legend selection
      writeFileSync(
        paths.interactive,
        await renderFullReport({ ...input, lang, interactive: true }),
      );
      files.set(lang, paths);
    }
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A page of the report that lets axe in: its script is injected, which the report's own policy forbids. */
  async function openForAxe(file: string): Promise<Page> {
    const context = await browser!.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    return page;
  }

  describe.each(LANGS)("%s report", (lang) => {
    it("static: no serious or critical axe-core violation", async () => {
      const page = await openForAxe(files.get(lang)!.static);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    }, 120_000);

    // One run covers the interactive page at rest too: it only adds the pressed entry, the dimming and the tooltip.
    it("interactive, a legend entry pressed and a tooltip shown from the keyboard: no serious or critical violation", async () => {
      const page = await openForAxe(files.get(lang)!.interactive);
      const chart = page.locator("#pca .chart-body");
      await chart.locator("g.legend-pick").first().focus();
      await page.keyboard.press("Enter");
      await chart.focus();
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => page.locator(".chart-tip").isVisible()).toBe(true);
      expect(await chart.locator('g.legend-pick[aria-pressed="true"]').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    }, 120_000);

    it("one h1, headings in order, a scope on every header cell", async () => {
      const page = await browser!.newPage();
      await page.goto(pathToFileURL(files.get(lang)!.static).href);
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
});
