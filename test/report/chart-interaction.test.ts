/**
 * Chart interaction of an interactive report (`interactive: true`, the
 * `--interactive` flag) on the full Online Retail report, in headless
 * Chromium, in each report language (one browser for both): hovering a mark shows its tooltip (the fields the Node side put
 * in the chart's metadata, hostile names as text), a legend click dims the
 * other series and a second click restores them, no console error and no
 * request; with JavaScript off every chart is the same static SVG. Also the
 * size the layer adds.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderFullReport } from "../../src/report/documents/full-report.js";
import { LANGS } from "../../src/report/i18n/index.js";
import { DIMMED_OPACITY } from "../../src/report/interact/chart-script.js";
import { unpackTips, type ChartTips, type MarkTips } from "../../src/report/interact/chart-tips.js";
import { HOSTILE_SEGMENT, makeSegmentFixture } from "../report-segments/fixture.js";
import {
  browserRequired,
  browserUnavailableReason,
  launchBrowser,
  openReport,
  type OpenedReport,
} from "./browser.js";
import { seriesOpacities, tooltipRows } from "./chart-page.js";

const unavailable = browserUnavailableReason();
const skip = unavailable !== null && !browserRequired();
if (skip) console.warn(`chart interaction tests skipped: ${unavailable}`);

const svgsOf = (html: string): string[] => html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];
const withoutTips = (svg: string): string => svg.replace(/<metadata[\s\S]*?<\/metadata>/, "");

/** The metadata text of the n-th chart and where `(x, y)` falls: mark group and item index. */
async function markAt(page: Page, x: number, y: number) {
  return page.locator("html").evaluate(
    (html, [px, py]) => {
      const hit = html.ownerDocument.elementFromPoint(px!, py!);
      const group = hit?.parentElement;
      const svg = hit?.closest("svg");
      if (!hit || !group || !svg || !group.matches("g.role-mark")) return null;
      return {
        meta: svg.querySelector("metadata")?.textContent ?? "",
        group: Array.from(svg.querySelectorAll("g.role-mark")).indexOf(group),
        item: Array.from(group.children).indexOf(hit),
      };
    },
    [x, y],
  );
}

describe.skipIf(skip)("chart interaction in a browser", () => {
  let browser: Browser | null = null;
  let input: Awaited<ReturnType<typeof makeSegmentFixture>>["input"];

  beforeAll(async () => {
    input = (await makeSegmentFixture()).input;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  describe.each(LANGS)("%s report", (lang) => {
    let opened: OpenedReport;
    let file = "";
    let plain = "";
    let interactive = "";

    beforeAll(async () => {
      plain = await renderFullReport({ ...input, lang });
      interactive = await renderFullReport({ ...input, lang, interactive: true });
      file = path.join(mkdtempSync(path.join(tmpdir(), "segwork-charts-")), "report.html");
      writeFileSync(file, interactive);
      opened = await openReport(browser!, file);
    }, 180_000);

    afterAll(async () => {
      await opened?.page.close();
    });

    it("adds the tips and one script, and keeps every static SVG as it was", () => {
      const without = Buffer.byteLength(plain);
      const withLayer = Buffer.byteLength(interactive);
      console.log(
        `interactive charts: ${without} B static, ${withLayer} B interactive (+${withLayer - without} B, +${(((withLayer - without) / without) * 100).toFixed(1)}%)`,
      );
      expect(withLayer).toBeLessThan(2_000_000);
      expect(interactive.match(/<script>/g)).toHaveLength(1);
      const before = svgsOf(plain);
      const after = svgsOf(interactive);
      expect(after.length).toBe(before.length);
      expect(after.map(withoutTips)).toEqual(before);
      expect(after.filter((svg) => svg.includes('<metadata class="segwork-tips">')).length).toBe(
        before.length,
      );
    });

    it("runs under the policy: no console error, dialog or request", () => {
      expect(opened.consoleErrors).toEqual([]);
      expect(opened.dialogs).toEqual([]);
      expect(opened.requests).toEqual([]);
    });

    it("matches every chart's tips to its marks, item by item", async () => {
      const charts = await opened.page.$$eval("figure.chart svg", (svgs) =>
        svgs.map((svg) => ({
          live: svg.classList.contains("live"),
          meta: svg.querySelector("metadata")?.textContent ?? "",
          children: [...svg.querySelectorAll("g.role-mark")].map((g) => g.children.length),
        })),
      );
      expect(charts.length).toBeGreaterThan(10);
      // the text alternatives stay on the live charts, their <desc> kept: each a labelled
      // group (an image's children are presentational, which would hide its legend buttons)
      const labelled = await opened.page.$$eval("figure.chart .chart-body", (bodies) =>
        bodies.map(
          (body) => body.getAttribute("role") === "group" && body.getAttribute("aria-label"),
        ),
      );
      expect(labelled.every((label) => typeof label === "string" && label.length > 0)).toBe(true);
      expect(await opened.page.locator("figure.chart svg > desc").count()).toBe(
        (plain.match(/<desc>/g) ?? []).length,
      );
      for (const chart of charts) {
        expect(chart.live).toBe(true);
        const tips = JSON.parse(chart.meta) as ChartTips;
        expect(tips.marks).toHaveLength(chart.children.length);
        tips.marks.forEach((mark, g) => {
          if (mark === 0) return;
          // a line or area is one path for all its items, located by position
          if (mark.at) expect(unpackTips(mark)).toHaveLength(mark.at.length);
          else expect(unpackTips(mark)).toHaveLength(chart.children[g]!);
        });
      }
    });

    it("shows the hovered point's fields in a tooltip and hides it on leaving", async () => {
      const page = opened.page;
      const points = page.locator("#pca svg.live g.role-mark.mark-symbol > path");
      expect(await points.count()).toBeGreaterThan(100);
      await page.locator("#pca").scrollIntoViewIfNeeded();
      const box = (await points.nth(7).boundingBox())!;
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.mouse.move(x, y);
      await expect.poll(() => page.locator(".chart-tip").isVisible()).toBe(true);
      // the point on top there (points overlap) is the one whose tip is shown
      const at = (await markAt(page, x, y))!;
      const mark = (JSON.parse(at.meta) as ChartTips).marks[at.group] as MarkTips;
      const expected = unpackTips(mark)[at.item] as [string, string][];
      expect(expected.map(([label]) => label)).toEqual([
        // the axes and the cluster, titled in the report's language ("主成分 PC1（…）" in zh-CN)
        expect.stringMatching(/PC1/),
        expect.stringMatching(/PC2/),
        expect.any(String),
      ]);
      expect(await tooltipRows(page)).toEqual(expected);
      await page.mouse.move(2, 2);
      await expect.poll(() => page.locator(".chart-tip").isVisible()).toBe(false);
    });

    it("shows a hostile segment name in a tooltip as text", async () => {
      const page = opened.page;
      const metas = await page.$$eval("figure.chart svg.live", (svgs) =>
        svgs.map((svg) => svg.querySelector("metadata")?.textContent ?? ""),
      );
      // the marks whose tip names the hostile segment (chart, group, item)
      const candidates: [number, number, number][] = [];
      metas.forEach((meta, c) =>
        (JSON.parse(meta) as ChartTips).marks.forEach((mark, g) => {
          if (mark === 0 || mark.at) return;
          unpackTips(mark).forEach((tip, i) => {
            if (JSON.stringify(tip).includes(JSON.stringify(HOSTILE_SEGMENT).slice(1, -1)))
              candidates.push([c, g, i]);
          });
        }),
      );
      expect(candidates.length).toBeGreaterThan(0);
      let shown = "";
      for (const candidate of candidates) {
        const point = await page.locator("html").evaluate((html, [c, g, i]) => {
          const document = html.ownerDocument;
          const svg = document.querySelectorAll("figure.chart svg.live")[c!]!;
          const el = svg.querySelectorAll("g.role-mark")[g!]!.children[i!]!;
          // instant: the report scrolls smoothly otherwise
          el.scrollIntoView({ block: "center", behavior: "instant" });
          const r = el.getBoundingClientRect();
          const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
          return r.width > 1 && document.elementFromPoint(x, y) === el ? { x, y } : null;
        }, candidate);
        if (point === null) continue;
        await page.mouse.move(point.x, point.y);
        shown = (await page.locator(".chart-tip").textContent()) ?? "";
        break;
      }
      expect(shown).toContain(HOSTILE_SEGMENT);
      // only the tooltip's own rows (a div with two spans each): the name made no element
      const rows = await page.locator(".chart-tip > div").count();
      expect(await page.locator(".chart-tip *").count()).toBe(3 * rows);
      expect(await page.locator(".chart-tip img").count()).toBe(0);
      expect(opened.dialogs).toEqual([]);
      await page.mouse.move(2, 2);
    });

    it("dims the other series on a legend click and restores them on a second click", async () => {
      const page = opened.page;
      const chart = page.locator("#pca svg.live");
      await chart.scrollIntoViewIfNeeded();
      const entries = chart.locator("g.legend-pick");
      expect(await entries.count()).toBeGreaterThan(1);
      const picked = await entries
        .first()
        .locator("g.role-legend-symbol > path")
        .getAttribute("fill");
      await entries.first().click();
      const after = await seriesOpacities(chart);
      expect(Object.keys(after).length).toBeGreaterThan(1);
      for (const [fill, values] of Object.entries(after))
        expect(values).toEqual(fill === picked ? [""] : [String(DIMMED_OPACITY)]);
      await entries.first().click();
      for (const values of Object.values(await seriesOpacities(chart)))
        expect(values).toEqual([""]);
    });

    it("with JavaScript off, shows every chart as its static SVG with marks and no tooltip", async () => {
      const context = await browser!.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href);
      const marks = await page.$$eval("figure.chart svg", (svgs) =>
        svgs.map((svg) => svg.querySelectorAll("g.role-mark > *").length),
      );
      expect(marks.length).toBe(svgsOf(plain).length);
      for (const count of marks) expect(count).toBeGreaterThan(0);
      expect(await page.locator(".chart-tip, svg.live").count()).toBe(0);
      await context.close();
    });
  });
});
