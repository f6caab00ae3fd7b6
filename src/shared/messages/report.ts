/**
 * Messages of the report layer: writing `report.pdf` through headless
 * Chromium (`--pdf`).
 */
import { SegworkError } from "../errors.js";

/**
 * `--pdf` found no Chromium.
 * @example pdfNoChromium(["/usr/bin/chromium"]).message
 * // => '--pdf needs Chromium: none found at /usr/bin/chromium (install it, e.g. apt-get install chromium, or set SEGWORK_CHROMIUM to its path)'
 */
export const pdfNoChromium = (looked: readonly string[]): SegworkError =>
  new SegworkError(
    "report.pdf-no-chromium",
    `--pdf needs Chromium: none found at ${looked.join(", ")} (install it, e.g. apt-get install chromium, or set SEGWORK_CHROMIUM to its path)`,
  );

/**
 * `--pdf` could not load playwright-core (an optional dependency).
 * @example pdfNoPlaywright().message
 * // => '--pdf needs the optional package playwright-core: npm install playwright-core'
 */
export const pdfNoPlaywright = (): SegworkError =>
  new SegworkError(
    "report.pdf-no-playwright",
    "--pdf needs the optional package playwright-core: npm install playwright-core",
  );

/**
 * Chromium started but printing failed.
 * @example pdfFailed("/usr/bin/chromium", "Target closed").message
 * // => 'could not print report.pdf with /usr/bin/chromium: Target closed'
 */
export const pdfFailed = (chromium: string, detail: string): SegworkError =>
  new SegworkError("report.pdf-failed", `could not print report.pdf with ${chromium}: ${detail}`);
