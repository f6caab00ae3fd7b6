/**
 * `report.pdf`: printed by headless Chromium with the print layout, its first
 * page is the run header and the business summary ("At a glance") and
 * nothing after it (checked with poppler's `pdftotext`); `--pdf` on a
 * command writes it beside report.html; no Chromium → one clear message.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderFullReport } from "../../src/report/documents/full-report.js";
import { findChromium, renderPdf } from "../../src/report/print/pdf.js";
import { rfmScheme } from "../../src/report/summary/segments.js";
import { concentrationSentence, headlineSentence } from "../../src/report/summary/sentences.js";
import { pdfNoChromium } from "../../src/shared/messages/report.js";
import { runCliInProcess, tempDir, writeInput } from "../helpers/cli.js";
import { makeSegmentFixture } from "../report-segments/fixture.js";
import { browserRequired, browserUnavailableReason } from "./browser.js";

const PDFTOTEXT = "/usr/bin/pdftotext";
const unavailable =
  browserUnavailableReason() ??
  (existsSync(PDFTOTEXT) ? null : `${PDFTOTEXT} not found (Debian poppler-utils)`);
const skip = unavailable !== null && !browserRequired();
if (skip) console.warn(`report.pdf tests skipped: ${unavailable}`);

/** The text of one page, line breaks folded to spaces. */
function pageText(file: string, page: number): string {
  const text = execFileSync(PDFTOTEXT, ["-f", String(page), "-l", String(page), file, "-"], {
    encoding: "utf8",
  });
  return text.replace(/\s+/g, " ");
}

describe("findChromium", () => {
  it("names every place it looked when there is no Chromium", () => {
    expect(() => findChromium({}, ["/nowhere/chromium"])).toThrow(
      pdfNoChromium(["/nowhere/chromium"]).message,
    );
    expect(() => findChromium({ SEGWORK_CHROMIUM: "/nowhere/a" }, ["/nowhere/b"])).toThrow(
      pdfNoChromium(["/nowhere/a", "/nowhere/b"]).message,
    );
  });
});

describe.skipIf(skip)("report.pdf", () => {
  let file = "";
  let headline = "";
  let concentration = "";
  beforeAll(async () => {
    const { input } = await makeSegmentFixture();
    const scheme = rfmScheme(input.segments!.rfm!);
    headline = headlineSentence(scheme, "en")!;
    concentration = concentrationSentence(scheme, "en")!;
    const pdf = await renderPdf(await renderFullReport(input), { headerLeft: input.title });
    file = path.join(tempDir("segwork-pdf-"), "report.pdf");
    writeFileSync(file, pdf);
  }, 120_000);

  it("page one is the run header and the summary, and only that", () => {
    const first = pageText(file, 1);
    expect(first).toContain("At a glance");
    expect(first).toContain(headline);
    expect(first).toContain(concentration);
    expect(first).toContain("Generated");
    // the section after the summary starts on page two
    expect(first).not.toContain("Rows clustered");
    expect(pageText(file, 2)).not.toContain(headline);
  });

  it("is a PDF with the sections on later pages", () => {
    expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync("/usr/bin/pdfinfo", [file], { encoding: "utf8" }))?.[1],
    );
    expect(pages).toBeGreaterThan(5);
  });

  it("--pdf writes report.pdf beside report.html", async () => {
    const dir = tempDir("segwork-pdf-cli-");
    const input = writeInput(dir, "spend.csv", "id,spend\na,50\nb,30\nc,10\nd,5\ne,5\nf,1\n");
    const out = path.join(dir, "abc");
    const result = await runCliInProcess([
      "abc",
      "--input",
      input,
      "--id",
      "id",
      "--revenue",
      "spend",
      "--out",
      out,
      "--pdf",
      "--quiet",
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path.join(out, "report.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    expect(pageText(path.join(out, "report.pdf"), 1)).toContain("spend.csv");
  }, 120_000);
});
