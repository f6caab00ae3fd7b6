/**
 * Opens a generated report in headless Chromium: no console errors, no
 * network requests, every chart drawn, hostile names shown as text and never
 * run. Skipped (with the reason in its title) when Chromium is absent, unless
 * SEGWORK_REQUIRE_BROWSER=1.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderClusterReport } from "../../src/report/documents/cluster-report.js";
import {
  browserRequired,
  browserUnavailableReason,
  chartMarksAndWidths,
  openHtmlInBrowser,
} from "./browser.js";
import type { OpenedPage, OpenedReport } from "./browser.js";
import { HOSTILE_FEATURE, HOSTILE_LABEL, makeReportInput } from "./fixture.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const unavailable = browserUnavailableReason();
const skip = unavailable !== null && !browserRequired();
const title = skip ? `report in a browser (skipped: ${unavailable})` : "report in a browser";

describe.skipIf(skip)(title, () => {
  let session: OpenedPage | undefined;
  let opened: OpenedReport;

  beforeAll(async () => {
    session = await openHtmlInBrowser(
      await renderClusterReport(makeReportInput({ exampleIds: true })),
    );
    opened = session.opened;
  });

  afterAll(async () => {
    await session?.close();
  });

  it("loads without console errors, dialogs or network requests", () => {
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.dialogs).toEqual([]);
    expect(opened.requests).toEqual([]);
  });

  it("draws every chart as an SVG with marks", async () => {
    const { marks, widths } = await chartMarksAndWidths(
      opened.page,
      "g.role-mark > path, g.role-mark > line, g.role-mark > text",
    );
    expect(marks.length).toBe(7); // with the gap curve
    for (const count of marks) expect(count).toBeGreaterThan(0);
    // Each chart has a visible size.
    for (const width of widths) expect(width).toBeGreaterThan(200);
  });

  it("shows hostile names as text and runs no script", async () => {
    const text = await opened.page.locator("body").innerText();
    expect(text).toContain(HOSTILE_FEATURE);
    expect(text).toContain(HOSTILE_LABEL);
    expect(text).toContain("<id 0>");
    expect(await opened.page.locator("script").count()).toBe(0);
    // The heatmap draws the feature name as SVG text, not as an element.
    const svgTexts = await opened.page.$$eval("svg text", (nodes) =>
      nodes.map((node) => node.textContent ?? ""),
    );
    expect(svgTexts).toContain(HOSTILE_FEATURE);
  });

  it("links every contents entry to a section and does not overflow the page width", async () => {
    const targets = await opened.page.$$eval(".toc a", (links) =>
      links.map((link) => link.getAttribute("href") ?? ""),
    );
    expect(targets.length).toBe(16); // with the summary ("at a glance"), vote, gap, stability
    for (const target of targets) {
      expect(target.startsWith("#")).toBe(true);
      expect(await opened.page.locator(`section[id="${target.slice(1)}"]`).count()).toBe(1);
    }
    // Evaluated as a string: the test is type-checked without the DOM library.
    const overflow = await opened.page.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBe(0);
  });

  it("saves a full-page screenshot to reports/screenshot-test.png", async () => {
    const target = path.join(repoRoot, "reports", "screenshot-test.png");
    mkdirSync(path.dirname(target), { recursive: true });
    const png = await opened.page.screenshot({ path: target, fullPage: true });
    // PNG signature and a page taller than the viewport.
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(20)).toBeGreaterThan(900);
  });
});
