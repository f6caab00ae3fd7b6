/**
 * Opens the full segment report (real data, see fixture.ts) in headless
 * Chromium: no console errors, no dialogs, no network requests, every chart
 * drawn as an SVG with marks, hostile names shown as text and never run, no
 * raw id in the visible text, and a full-page screenshot in
 * reports/screenshot-segments.png. Skipped (with the reason in its title)
 * when Chromium is absent, unless SEGWORK_REQUIRE_BROWSER=1.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderFullReport } from "../../src/report/documents/full-report.js";
import {
  browserRequired,
  browserUnavailableReason,
  chartMarksAndWidths,
  openHtmlInBrowser,
} from "../report/browser.js";
import type { OpenedPage, OpenedReport } from "../report/browser.js";
import { HOSTILE_DESCRIPTION, HOSTILE_SEGMENT, makeSegmentFixture, repoRoot } from "./fixture.js";

const unavailable = browserUnavailableReason();
const skip = unavailable !== null && !browserRequired();
const title = skip
  ? `segment report in a browser (skipped: ${unavailable})`
  : "segment report in a browser";

describe.skipIf(skip)(title, () => {
  let session: OpenedPage | undefined;
  let opened: OpenedReport;
  let ids: Set<string>;

  beforeAll(async () => {
    const fixture = await makeSegmentFixture();
    ids = new Set(fixture.table.ids);
    session = await openHtmlInBrowser(await renderFullReport(fixture.input), "segwork-segments-");
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

  it("draws every chart as a visible SVG with marks", async () => {
    const { marks, widths } = await chartMarksAndWidths(
      opened.page,
      "g.role-mark > path, g.role-mark > line, g.role-mark > text, g.role-mark > rect",
    );
    expect(marks.length).toBe(15);
    for (const count of marks) expect(count).toBeGreaterThan(0);
    for (const width of widths) expect(width).toBeGreaterThan(200);
  });

  it("shows hostile names as text, creates no image and runs no script", async () => {
    const text = await opened.page.locator("body").innerText();
    expect(text).toContain(HOSTILE_SEGMENT);
    expect(text).toContain(HOSTILE_DESCRIPTION);
    expect(await opened.page.locator("img").count()).toBe(0);
    expect(await opened.page.locator("script").count()).toBe(0);
    const svgTexts = await opened.page.$$eval("svg text", (nodes) =>
      nodes.map((node) => node.textContent ?? ""),
    );
    expect(svgTexts).toContain(HOSTILE_SEGMENT);
  });

  it("shows no raw client id anywhere in the visible text", async () => {
    const text = await opened.page.locator("body").innerText();
    const svgText = (
      await opened.page.$$eval("svg text", (nodes) => nodes.map((node) => node.textContent ?? ""))
    ).join("\n");
    const runs = [...`${text}\n${svgText}`.matchAll(/(?<![\d.,])\d+(?![\d]|[.,]\d)/g)].map(
      (m) => m[0],
    );
    expect(runs.filter((run) => ids.has(run))).toEqual([]);
    expect(text).toMatch(/1\*\*\*\d/); // masked examples are shown
  });

  it("links every contents entry to a section and does not overflow the page width", async () => {
    const targets = await opened.page.$$eval(".toc a", (links) =>
      links.map((link) => link.getAttribute("href") ?? ""),
    );
    expect(targets.length).toBe(24); // with the summary ("at a glance") at the top
    for (const target of targets) {
      expect(await opened.page.locator(`section[id="${target.slice(1)}"]`).count()).toBe(1);
    }
    // Evaluated as a string: the test is type-checked without the DOM library.
    const overflow = await opened.page.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBe(0);
  });

  it("saves a full-page screenshot to reports/screenshot-segments.png", async () => {
    const target = path.join(repoRoot, "reports", "screenshot-segments.png");
    mkdirSync(path.dirname(target), { recursive: true });
    const png = await opened.page.screenshot({ path: target, fullPage: true });
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(20)).toBeGreaterThan(10_000); // a long page: height in the PNG header
  });
});
