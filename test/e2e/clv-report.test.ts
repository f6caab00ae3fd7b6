/**
 * The CLV report of the CDNOW run as a user sees it: it opens in headless
 * Chromium with no console error and no network request, every chart is an
 * SVG with marks (holdout by calibration frequency, repeat-count histogram,
 * weekly and cumulative tracking, P(alive) heatmap, CLV histogram), the
 * parameters with standard errors, the frequency–spend check and the
 * formula with its units are stated, no client id is shown, and a
 * full-page screenshot is saved to reports/ (docs/clv-report.png is a copy).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { clvFiles, clvWorkflow, type ClvWorkflowResult } from "../../src/workflows/clv.js";
import { CDNOW_LOG } from "../clv/cdnow.js";
import { repoRoot, tempDir } from "../helpers/cli.js";
import {
  browserRequired,
  browserUnavailableReason,
  launchBrowser,
  openReport,
  type OpenedReport,
} from "../report/browser.js";

const unavailable = browserUnavailableReason();
const skip = unavailable !== null && !browserRequired();
if (skip) console.warn(`CLV report in a browser skipped: ${unavailable}`);

describe.skipIf(skip)(
  skip ? `CLV report in a browser (skipped: ${unavailable})` : "CLV report in a browser",
  () => {
    let browser: Browser | null = null;
    let opened: OpenedReport;
    let result: ClvWorkflowResult;

    beforeAll(async () => {
      // The path as a user in the repository would type it (vitest runs there).
      const transactions = path.relative(process.cwd(), CDNOW_LOG.transactions);
      result = await clvWorkflow({
        ...CDNOW_LOG,
        transactions,
        command: `segwork clv --transactions ${transactions} … --calibration-end 1997-09-30 --holdout-end 1998-06-30 --out runs/clv`,
        generatedAt: "2026-01-01T00:00:00.000Z",
      });
      const file = path.join(tempDir("segwork-clv-report-"), "report.html");
      const report = (await clvFiles(result)).find((f) => f.name === "report.html")!;
      writeFileSync(file, report.content);
      browser = await launchBrowser();
      if (browser === null) throw new Error(`browser unavailable: ${unavailable}`);
      opened = await openReport(browser, file);
    });

    afterAll(async () => {
      await browser?.close();
    });

    it("opens offline: no console errors, dialogs or network requests", () => {
      expect(opened.consoleErrors).toEqual([]);
      expect(opened.dialogs).toEqual([]);
      expect(opened.requests).toEqual([]);
    });

    it("draws the validation views and the CLV histogram as SVGs with marks", async () => {
      const charts = await opened.page.$$eval("figure.chart svg", (svgs) =>
        svgs.map((svg) => ({
          id: svg.closest("section")?.id ?? "",
          marks: svg.querySelectorAll("g.role-mark > *").length,
        })),
      );
      const byId: Record<string, number[]> = {};
      for (const c of charts) (byId[c.id] ??= []).push(c.marks);
      // Tracking has two charts (per week, cumulative); the others one each.
      expect(byId["clv-holdout"]).toHaveLength(1);
      expect(byId["clv-histogram"]).toHaveLength(1);
      expect(byId["clv-tracking"]).toHaveLength(2);
      expect(byId["clv-alive"]).toHaveLength(1);
      expect(byId["clv-value"]).toHaveLength(1);
      for (const id of ["clv-holdout", "clv-histogram", "clv-tracking", "clv-alive", "clv-value"])
        for (const count of byId[id]!) expect(count, id).toBeGreaterThan(0);
    });

    it("states the parameters with standard errors, the correlation check, the formula and units", async () => {
      const text = await opened.page.innerText("body");
      const se = result.purchases.standardErrors;
      expect(text).toContain(se.r.toFixed(4));
      expect(text).toContain(result.spend.standardErrors.gamma.toFixed(4));
      expect(text).toContain("-9,582.43");
      expect(text).toMatch(
        /Frequency–spend check: .* correlation of repeat purchases and mean spend is 0\.\d\d/,
      );
      expect(text).toContain("a month is 30.4375 days (a year / 12) = 4.348 weeks");
      expect(text).toContain("discounted by (1 + d)^m");
    });

    it("shows no client id", async () => {
      const text = await opened.page.innerText("body");
      const shown = result.history.ids.filter((id) => text.includes(id));
      expect(shown).toEqual([]);
    });

    it("saves a full-page screenshot under reports/", async () => {
      const dir = path.join(repoRoot, "reports");
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, "screenshot-clv.png");
      await opened.page.setViewportSize({ width: 1280, height: 900 });
      await opened.page.screenshot({ path: file, fullPage: true });
      expect(readFileSync(file).subarray(1, 4).toString()).toBe("PNG");
    });
  },
);
