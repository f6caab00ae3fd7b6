/**
 * Headless Chromium for tests that open generated reports. Reusable by any
 * test: `launchBrowser()` returns null (with the reason) when Chromium is not
 * installed, unless SEGWORK_REQUIRE_BROWSER=1 demands it; `openReport()`
 * loads an HTML file and records console errors, dialogs and every network
 * request other than the file itself.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM_ARGS } from "../../src/report/print/pdf.js";

/** Where the system Chromium lives on the dev machine and in CI. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Flags for a quiet, offline, sandbox-free headless run: the same as `--pdf` uses. */
export { CHROMIUM_ARGS };

/** Why the browser cannot run here, or null when it can. */
export function browserUnavailableReason(): string | null {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `Chromium not found at ${CHROMIUM_PATH}; install it or skip browser tests`;
}

/** True when SEGWORK_REQUIRE_BROWSER=1: a missing browser is then a failure, not a skip. */
export function browserRequired(): boolean {
  return process.env.SEGWORK_REQUIRE_BROWSER === "1";
}

/**
 * Launches headless Chromium, or returns null when it is absent and not required.
 *
 * @throws {Error} when Chromium is absent and SEGWORK_REQUIRE_BROWSER=1, or when it fails to start
 */
export async function launchBrowser(): Promise<Browser | null> {
  const reason = browserUnavailableReason();
  if (reason !== null) {
    if (browserRequired()) throw new Error(`${reason} (SEGWORK_REQUIRE_BROWSER=1)`);
    return null;
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A report opened in a page, with what happened while it loaded. */
export interface OpenedReport {
  page: Page;
  /** Console messages of type "error" and uncaught page errors. */
  consoleErrors: string[];
  /** Every request the page made other than the report file itself. */
  requests: string[];
  /** Messages of alert/confirm/prompt dialogs that fired. */
  dialogs: string[];
}

/**
 * Opens an HTML file in a new page and waits for it to load; every request
 * other than the file is recorded and aborted, so a stray URL can never reach
 * the network.
 */
export async function openReport(
  browser: Browser,
  file: string,
  viewport = { width: 1280, height: 900 },
): Promise<OpenedReport> {
  const page = await browser.newPage({ viewport });
  const url = pathToFileURL(file).href;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route("**/*", (route) => {
    const requested = route.request().url();
    if (requested === url) return route.continue();
    requests.push(requested);
    return route.abort();
  });
  page.on("request", (request) => {
    if (request.url() !== url && !requests.includes(request.url())) requests.push(request.url());
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, consoleErrors, requests, dialogs };
}

/** A report opened from an HTML string, with the browser and temp file to release. */
export interface OpenedPage {
  opened: OpenedReport;
  close(): Promise<void>;
}

/**
 * Writes a rendered report to a fresh temporary file, launches Chromium and
 * opens it (see {@link openReport}); `close()` shuts the browser and removes
 * the file. Throws when no browser can be launched.
 */
export async function openHtmlInBrowser(
  html: string,
  prefix = "segwork-report-",
): Promise<OpenedPage> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const file = path.join(dir, "report.html");
  writeFileSync(file, html);
  const browser = await launchBrowser();
  if (browser === null) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`browser unavailable: ${browserUnavailableReason()}`);
  }
  const opened = await openReport(browser, file);
  return {
    opened,
    async close() {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For every chart (`figure.chart svg`): how many marks matching `markSelector`
 * it draws, and its rendered width in pixels.
 */
export async function chartMarksAndWidths(
  page: Page,
  markSelector: string,
): Promise<{ marks: number[]; widths: number[] }> {
  const marks = await page.$$eval(
    "figure.chart svg",
    (svgs, selector) => svgs.map((svg) => svg.querySelectorAll(selector).length),
    markSelector,
  );
  const widths = await page.$$eval("figure.chart svg", (svgs) =>
    svgs.map((svg) => svg.getBoundingClientRect().width),
  );
  return { marks, widths };
}
