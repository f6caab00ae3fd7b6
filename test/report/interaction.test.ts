/**
 * The optional interactive layer on the full Online Retail report, in
 * headless Chromium: the script runs under the report's policy (no console
 * error, no request), tables sort and filter, the contents mark the section
 * in view; with JavaScript off every chart is still there. Also the size the
 * layer adds.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderFullReport } from "../../src/report/documents/full-report.js";
import { escapeHtml } from "../../src/report/html.js";
import { catalogue, LANGS, placeholdersOf } from "../../src/report/i18n/index.js";
import {
  addInteraction,
  interactionScript,
  interactionWords,
} from "../../src/report/interact/index.js";
import { pageLang, wordsElement } from "../../src/report/interact/words.js";
import { makeSegmentFixture } from "../report-segments/fixture.js";
import {
  browserRequired,
  browserUnavailableReason,
  launchBrowser,
  openReport,
  type OpenedReport,
} from "./browser.js";

const unavailable = browserUnavailableReason();
const skip = unavailable !== null && !browserRequired();
if (skip) console.warn(`interactive report tests skipped: ${unavailable}`);

describe("addInteraction", () => {
  it("refuses a page that is not a segwork report", () => {
    expect(() => addInteraction("<html><body></body></html>")).toThrow(/not a segwork report/);
  });

  it("gives the script its words in the page's language, as escaped attributes", () => {
    for (const lang of LANGS) {
      const words = interactionWords(lang);
      const messages = catalogue(lang);
      expect(words.filterRows).toBe(messages["a11y.filterRows"]);
      // templates travel unfilled: the script fills {fields}, {index} and {count} per mark
      expect(placeholdersOf(words.mark)).toEqual(["count", "fields", "index"]);
      const element = wordsElement(lang);
      expect(element).toContain(`data-legend-picked="${escapeHtml(words.legendPicked)}"`);
      expect(element).not.toMatch(/="[^"]*[<>][^"]*"/);
      expect(pageLang(`<!doctype html><html lang="${lang}">`)).toBe(lang);
    }
    expect(pageLang('<html lang="fr">')).toBe("en");
  });
});

describe.skipIf(skip)("interactive report in a browser", () => {
  let browser: Browser | null = null;
  let opened: OpenedReport;
  let file = "";
  let plain = "";
  let interactive = "";

  beforeAll(async () => {
    const { input } = await makeSegmentFixture();
    plain = await renderFullReport(input);
    interactive = addInteraction(plain);
    file = path.join(mkdtempSync(path.join(tmpdir(), "segwork-interactive-")), "report.html");
    writeFileSync(file, interactive);
    browser = await launchBrowser();
    opened = await openReport(browser!, file);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("adds one small script and nothing else that loads", () => {
    const added = Buffer.byteLength(interactive) - Buffer.byteLength(plain);
    console.log(
      `interactive layer: ${Buffer.byteLength(plain)} B without, ${Buffer.byteLength(interactive)} B with (+${added} B; script ${interactionScript().length} chars)`,
    );
    // the script (11.9 kB: tables, contents, charts and their keyboard access), its styles and words
    expect(added).toBeLessThan(15_000);
    expect(interactive.match(/<script>/g)?.length).toBe(1);
  });

  it("runs under the policy: no console error, no request", () => {
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.requests).toEqual([]);
  });

  it("leaves charts rendered without tips as they are (no tooltip, no live chart)", async () => {
    expect(await opened.page.locator(".chart-tip, svg.live").count()).toBe(0);
  });

  it("sorts a table by a column, both ways, and filters its rows", async () => {
    const page = opened.page;
    const tables = await page.locator("th button.sort").count();
    expect(tables).toBeGreaterThan(0);
    // the RFM segment table: the first table with a "Clients" header button
    const table = page
      .locator("table", { has: page.locator("button.sort", { hasText: /^Clients$/ }) })
      .first();
    const header = table.locator("button.sort", { hasText: /^Clients$/ });
    const column = await table
      .locator("thead th")
      .evaluateAll((ths) => ths.findIndex((th) => th.textContent?.trim() === "Clients"));
    const values = async () =>
      (
        await table.locator(`tbody tr:not([hidden]) td:nth-child(${column + 1})`).allTextContents()
      ).map((t) => Number(t.replace(/,/g, "")));
    await header.click();
    const up = await values();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await header.click();
    const down = await values();
    expect(down).toEqual([...up].sort((a, b) => b - a));
    expect(await table.locator("th[aria-sort=descending]").count()).toBe(1);

    const filter = page.locator(".table-filter input").first();
    await filter.fill("zzz-no-such-row");
    const filtered = page.locator(".table-filter + .table-wrap").first();
    expect(await filtered.locator("tbody tr:not([hidden])").count()).toBe(0);
    await filter.fill("");
    expect(await filtered.locator("tbody tr[hidden]").count()).toBe(0);
  });

  it("marks the contents entry of the section in view", async () => {
    const page = opened.page;
    await page.locator("#value-separation").scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.locator('.toc a[aria-current="true"]').getAttribute("href"))
      .toBe("#value-separation");
    expect(await page.locator('.toc a[aria-current="true"]').count()).toBe(1);
  });

  it("with JavaScript off, shows every chart and every row", async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    const charts = await page.locator("figure.chart svg").count();
    expect(charts).toBe((plain.match(/<figure class="chart">/g) ?? []).length);
    expect(charts).toBeGreaterThan(10);
    expect(await page.locator("tbody tr[hidden], .table-filter").count()).toBe(0);
    await context.close();
  });
});
