/**
 * `report.pdf`: the HTML report printed by headless Chromium with the
 * report's own `@media print` layout, and a running header (title, when it
 * was generated) and footer (page n of m) on every page. playwright-core is
 * an optional dependency, imported only when a PDF is asked for, so that
 * installing segwork never downloads a browser driver.
 */
import { existsSync } from "node:fs";
import * as msg from "../../shared/messages/report.js";
import { escapeHtml } from "../html.js";

/** Where Chromium is looked for, after `$SEGWORK_CHROMIUM`. */
export const CHROMIUM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
] as const;

/** Flags for a quiet, offline, sandbox-free headless run (the browser tests use them too). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Options of {@link renderPdf}. */
export interface PdfOptions {
  /** Chromium to use (default: {@link findChromium}). */
  executablePath?: string;
  /** Left part of the running header, e.g. the report title. */
  headerLeft?: string;
  /** Right part of the running header, e.g. "segwork 0.1.0 · 2026-12-02 13:30 UTC". */
  headerRight?: string;
}

/**
 * The Chromium to print with: `$SEGWORK_CHROMIUM` when set, else the first
 * of {@link CHROMIUM_PATHS} that exists.
 *
 * @throws SegworkError `report.pdf-no-chromium` naming every place looked at
 * @example
 * findChromium(); // => "/usr/bin/chromium"
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  paths: readonly string[] = CHROMIUM_PATHS,
): string {
  const candidates = [env.SEGWORK_CHROMIUM, ...paths].filter(
    (p): p is string => p !== undefined && p !== "",
  );
  const found = candidates.find((p) => existsSync(p));
  if (found === undefined) throw msg.pdfNoChromium(candidates);
  return found;
}

type Chromium = typeof import("playwright-core").chromium;

async function loadChromium(): Promise<Chromium> {
  try {
    return (await import("playwright-core")).chromium;
  } catch {
    throw msg.pdfNoPlaywright();
  }
}

const SMALL = "font: 8px system-ui, sans-serif; color: #5c6575; width: 100%; padding: 0 14mm;";

/**
 * Prints a report to PDF (A4, backgrounds on). The page is loaded from a
 * string, so nothing is fetched; its Content-Security-Policy stays in force.
 *
 * @throws SegworkError `report.pdf-no-chromium`, `report.pdf-no-playwright` or `report.pdf-failed`
 * @example
 * const pdf = await renderPdf(html, { headerLeft: "Clusters of clients.csv" });
 */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const executablePath = options.executablePath ?? findChromium();
  const chromium = await loadChromium();
  let browser: Awaited<ReturnType<Chromium["launch"]>> | undefined;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const left = escapeHtml(options.headerLeft ?? "");
    const right = escapeHtml(options.headerRight ?? "");
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${SMALL} display: flex; justify-content: space-between;"><span>${left}</span><span>${right}</span></div>`,
      footerTemplate: `<div style="${SMALL} text-align: right;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      margin: { top: "16mm", bottom: "14mm", left: "14mm", right: "14mm" },
    });
    return new Uint8Array(pdf);
  } catch (error) {
    throw msg.pdfFailed(executablePath, error instanceof Error ? error.message : String(error));
  } finally {
    await browser?.close();
  }
}
