/**
 * Keyboard access to the interactive layer on the full Online Retail report,
 * in headless Chromium, in both report languages: Tab reaches a chart and
 * then its legend entries; Enter and Space toggle a legend entry
 * (`aria-pressed`, the other series dimmed); the arrow keys step through a
 * focused chart's marks and show each mark's own tooltip fields, announced
 * in the live region with the catalogue's words; Escape hides it; the focus
 * outline has at least 3:1 contrast on the chart's white.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderFullReport } from "../../src/report/documents/full-report.js";
import { LANGS, localeFor, type Lang } from "../../src/report/i18n/index.js";
import { DIMMED_OPACITY } from "../../src/report/interact/chart-script.js";
import type { Tip } from "../../src/report/interact/chart-tips.js";
import { makeSegmentFixture } from "../report-segments/fixture.js";
import {
  browserRequired,
  browserUnavailableReason,
  launchBrowser,
  openReport,
  type OpenedReport,
} from "./browser.js";
import { chartTipsInOrder, contrastRatio, seriesOpacities, tooltipRows } from "./chart-page.js";

const unavailable = browserUnavailableReason();
const skip = unavailable !== null && !browserRequired();
if (skip) console.warn(`chart keyboard tests skipped: ${unavailable}`);

/** What the live region says for a mark: the catalogue's words around its fields. */
function announced(lang: Lang, tip: Exclude<Tip, 0>, index: number, count: number): string {
  const locale = localeFor(lang);
  const fields =
    typeof tip === "string"
      ? tip
      : tip
          .map(([key, value]) => locale.t("a11y.field", { key, value }))
          .join(locale.t("a11y.fieldSeparator"));
  return locale.t("a11y.mark", {
    fields,
    index: locale.integer(index),
    count: locale.integer(count),
  });
}

/** Role, label and pressed state of the focused element, and whether it is in `#id`'s section. */
const focused = (opened: OpenedReport, id: string) =>
  opened.page.locator(":focus").evaluate((el, section) => {
    return {
      role: el.getAttribute("role"),
      label: el.getAttribute("aria-label"),
      pressed: el.getAttribute("aria-pressed"),
      inSection: el.closest("section")?.id === section,
      chart: el.matches(".chart-body"),
    };
  }, id);

describe.skipIf(skip)("keyboard access to charts", () => {
  let browser: Browser | null = null;
  const pages = new Map<Lang, OpenedReport>();

  beforeAll(async () => {
    const { input } = await makeSegmentFixture();
    const dir = mkdtempSync(path.join(tmpdir(), "segwork-keys-"));
    browser = await launchBrowser();
    for (const lang of LANGS) {
      const file = path.join(dir, `${lang}.html`);
      writeFileSync(file, await renderFullReport({ ...input, lang, interactive: true }));
      pages.set(lang, await openReport(browser!, file));
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  describe.each(LANGS)("%s report", (lang) => {
    it("Tab reaches the chart, then a legend entry; Enter and Space toggle it", async () => {
      const opened = pages.get(lang)!;
      const page = opened.page;
      expect(opened.consoleErrors).toEqual([]);
      // sequential focus starts from the clicked paragraph, just before the PCA chart
      await page.locator("#pca p").first().click();
      await page.keyboard.press("Tab");
      expect(await focused(opened, "pca")).toMatchObject({ role: "group", chart: true });
      await page.keyboard.press("Tab");
      const entry = await focused(opened, "pca");
      expect(entry).toMatchObject({ role: "button", pressed: "false", inSection: true });
      const chart = page.locator("#pca svg.live");
      const picked = await chart
        .locator("g.legend-pick")
        .first()
        .locator("g.role-legend-symbol > path")
        .getAttribute("fill");
      expect(entry.label).toBe(
        await chart.locator("g.legend-pick").first().locator("text").textContent(),
      );

      await page.keyboard.press("Enter");
      expect((await focused(opened, "pca")).pressed).toBe("true");
      const dimmed = await seriesOpacities(chart);
      expect(Object.keys(dimmed).length).toBeGreaterThan(1);
      for (const [fill, values] of Object.entries(dimmed))
        expect(values).toEqual(fill === picked ? [""] : [String(DIMMED_OPACITY)]);
      expect(await page.locator(".chart-live").textContent()).toBe(
        localeFor(lang).t("a11y.legendPicked", { name: entry.label! }),
      );

      await page.keyboard.press(" ");
      expect((await focused(opened, "pca")).pressed).toBe("false");
      for (const values of Object.values(await seriesOpacities(chart)))
        expect(values).toEqual([""]);
      expect(await page.locator(".chart-live").textContent()).toBe(
        localeFor(lang).t("a11y.legendCleared"),
      );
    });

    it("the focus outline has at least 3:1 contrast on the chart's white", async () => {
      const page = pages.get(lang)!.page;
      await page.locator("#pca p").first().click();
      for (const stop of ["chart", "legend entry"]) {
        await page.keyboard.press("Tab");
        const outline = await page.locator(":focus").evaluate((el) => {
          const style = el.ownerDocument.defaultView!.getComputedStyle(el);
          return {
            colour: style.outlineColor,
            style: style.outlineStyle,
            width: style.outlineWidth,
          };
        });
        expect(outline.style, stop).toBe("solid");
        expect(parseFloat(outline.width), stop).toBeGreaterThanOrEqual(2);
        expect(contrastRatio(outline.colour, "rgb(255, 255, 255)"), stop).toBeGreaterThanOrEqual(3);
      }
    });

    it("arrow keys on a focused chart show each mark's tooltip and announce it; Escape hides it", async () => {
      const page = pages.get(lang)!.page;
      const chart = page.locator("#pca svg.live");
      const tips = await chartTipsInOrder(chart);
      expect(tips.length).toBeGreaterThan(100);
      await page.locator("#pca .chart-body").focus();
      const tip = page.locator(".chart-tip");
      const live = page.locator(".chart-live");
      const ring = chart.locator("circle.mark-ring");

      await page.keyboard.press("ArrowRight");
      await expect.poll(() => tip.isVisible()).toBe(true);
      expect(await tooltipRows(page)).toEqual(tips[0]);
      expect(await live.textContent()).toBe(announced(lang, tips[0]!, 1, tips.length));
      await page.keyboard.press("ArrowRight");
      expect(await tooltipRows(page)).toEqual(tips[1]);
      await page.keyboard.press("ArrowLeft");
      expect(await tooltipRows(page)).toEqual(tips[0]);
      await page.keyboard.press("End");
      expect(await tooltipRows(page)).toEqual(tips.at(-1));
      expect(await live.textContent()).toBe(
        announced(lang, tips.at(-1)!, tips.length, tips.length),
      );
      // the tooltip sits beside the ring drawn on the mark
      const [ringBox, tipBox] = [(await ring.boundingBox())!, (await tip.boundingBox())!];
      const gap = Math.hypot(
        tipBox.x - (ringBox.x + ringBox.width),
        tipBox.y - (ringBox.y + ringBox.height),
      );
      expect(gap).toBeLessThan(40);

      await page.keyboard.press("Escape");
      expect(await tip.isVisible()).toBe(false);
      expect(await ring.isVisible()).toBe(false);
    });

    it("with a legend entry picked, the arrow keys step through that series only", async () => {
      const page = pages.get(lang)!.page;
      const chart = page.locator("#pca svg.live");
      const entry = chart.locator("g.legend-pick").nth(1);
      const name = (await entry.locator("text").textContent())!;
      const tips = (await chartTipsInOrder(chart)) as [string, string][][];
      const ofSeries = tips.filter((pairs) => pairs.some(([, value]) => value === name));
      expect(ofSeries.length).toBeGreaterThan(10);
      expect(ofSeries.length).toBeLessThan(tips.length);
      await entry.focus();
      await page.keyboard.press("Enter");
      await page.locator("#pca .chart-body").focus();
      for (const i of [0, 1, 2]) {
        await page.keyboard.press("ArrowDown");
        expect(await tooltipRows(page)).toEqual(ofSeries[i]);
      }
      expect(await page.locator(".chart-live").textContent()).toBe(
        announced(lang, ofSeries[2]!, 3, ofSeries.length),
      );
      await page.keyboard.press("Escape");
      await entry.focus();
      await page.keyboard.press("Enter");
    });

    it("labels the table filter and the charts' key hint in the page's language", async () => {
      const page = pages.get(lang)!.page;
      const locale = localeFor(lang);
      expect(((await page.locator(".table-filter").first().textContent()) ?? "").trim()).toBe(
        locale.t("a11y.filterRows"),
      );
      const hint = await page
        .locator("#pca .chart-body")
        .evaluate(
          (body) =>
            body.ownerDocument.getElementById(body.getAttribute("aria-describedby")!)?.textContent,
        );
      expect(hint).toBe(locale.t("a11y.chartKeys"));
    });
  });
});
