/**
 * `--pdf`: beside `report.html`, `report.pdf` printed by headless Chromium.
 * Chromium is looked for before any work starts, so a missing browser costs
 * one line, not a finished run.
 */
import type { OutputFile } from "../workflows/index.js";

/**
 * Fails fast when `--pdf` is given and no Chromium is installed.
 *
 * @throws SegworkError `report.pdf-no-chromium`
 * @example
 * await checkPdf(options.pdf);
 */
export async function checkPdf(pdf: boolean | undefined): Promise<void> {
  if (pdf !== true) return;
  const { findChromium } = await import("../report/print/pdf.js");
  findChromium();
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

/** The page title of a rendered report (entities decoded), for the PDF's running header. */
function titleOf(html: string): string {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
  return title.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]!);
}

/**
 * The files with `report.pdf` added when `pdf` is set (printed from their
 * `report.html`); unchanged otherwise.
 *
 * @throws SegworkError `report.pdf-no-chromium`, `report.pdf-no-playwright` or `report.pdf-failed`
 * @example
 * writeOutputsAtomically(out, await withPdf(await sweepFiles(result), options.pdf));
 */
export async function withPdf(
  files: OutputFile[],
  pdf: boolean | undefined,
): Promise<OutputFile[]> {
  if (pdf !== true) return files;
  const report = files.find((f) => f.name === "report.html");
  if (!report) return files;
  const html =
    typeof report.content === "string" ? report.content : new TextDecoder().decode(report.content);
  const { renderPdf } = await import("../report/print/pdf.js");
  const content = await renderPdf(html, {
    headerLeft: titleOf(html),
    headerRight: "segwork report",
  });
  return [...files, { name: "report.pdf", content }];
}
