/**
 * The README's first command as a user sees it: `segwork demo` writes a
 * report; the report opens in headless Chromium with no console error and no
 * network request, every chart is an SVG with marks, no client id is shown,
 * and a full-page screenshot is saved to reports/ (the README's image is a
 * copy of it).
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import {
  browserRequired,
  browserUnavailableReason,
  launchBrowser,
  openReport,
  type OpenedReport,
} from "../report/browser.js";
import { repoRoot, runCli, tempDir } from "../helpers/cli.js";

const unavailable = browserUnavailableReason();
const skip = unavailable !== null && !browserRequired();

describe.skipIf(skip)(
  skip ? `demo report in a browser (skipped: ${unavailable})` : "demo report in a browser",
  () => {
    let browser: Browser | null = null;
    let opened: OpenedReport;
    const out = path.join(tempDir(), "demo");

    beforeAll(async () => {
      const result = runCli(["demo", "--out", out, "--quiet"]);
      if (result.status !== 0) throw new Error(`demo failed: ${result.stderr}`);
      browser = await launchBrowser();
      if (browser === null) throw new Error(`browser unavailable: ${unavailable}`);
      opened = await openReport(browser, path.join(out, "report.html"));
    });

    afterAll(async () => {
      await browser?.close();
    });

    it("opens offline: no console errors, dialogs or network requests", () => {
      expect(opened.consoleErrors).toEqual([]);
      expect(opened.dialogs).toEqual([]);
      expect(opened.requests).toEqual([]);
    });

    it("draws every chart as an SVG with marks", async () => {
      const marks = await opened.page.$$eval("figure.chart svg", (svgs) =>
        svgs.map((svg) => svg.querySelectorAll("g.role-mark > *").length),
      );
      expect(marks.length).toBeGreaterThanOrEqual(6);
      for (const count of marks) expect(count).toBeGreaterThan(0);
    });

    it("shows no client id", async () => {
      const text = await opened.page.innerText("body");
      const ids = readFileSync(path.join(out, "assignments.csv"), "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split(",")[0]!);
      const shown = ids.filter((id) => new RegExp(`(^|\\D)${id}(\\D|$)`).test(text));
      expect(shown).toEqual([]);
    });

    it("saves a full-page screenshot under reports/", async () => {
      const dir = path.join(repoRoot, "reports");
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, "screenshot-demo.png");
      await opened.page.setViewportSize({ width: 1280, height: 900 });
      await opened.page.screenshot({ path: file, fullPage: true });
      expect(readFileSync(file).subarray(1, 4).toString()).toBe("PNG");
    });
  },
);
