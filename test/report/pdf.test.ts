/**
 * `report.pdf`: printed by headless Chromium with the print layout, its first
 * page is the run header and the business summary ("At a glance", 概览) and
 * nothing after it, in each report language (checked with poppler's
 * `pdftotext`: Chinese text comes out as text, so a CJK font was found);
 * `--pdf` on a command writes it beside report.html; no Chromium → one clear
 * message.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderFullReport } from "../../src/report/documents/full-report.js";
import { LANGS, localeFor } from "../../src/report/i18n/index.js";
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
  // -raw: in drawing order; the layout order moves a line's leading "4,338" (set in a Latin font) out of a Chinese sentence
  const text = execFileSync(
    PDFTOTEXT,
    ["-raw", "-f", String(page), "-l", String(page), file, "-"],
    {
      encoding: "utf8",
    },
  );
  return text.replace(/\s+/g, " ");
}

/** Text without any white space: pdftotext breaks Chinese lines where the page did, inside sentences. */
const squashed = (text: string): string => text.replace(/\s+/g, "");

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

describe.skipIf(skip).each(LANGS)("report.pdf, %s", (lang) => {
  const { t } = localeFor(lang);
  let file = "";
  let heading = "";
  let headline = "";
  let concentration = "";
  beforeAll(async () => {
    const { input } = await makeSegmentFixture();
    const scheme = rfmScheme(input.segments!.rfm!);
    headline = headlineSentence(scheme, lang)!;
    concentration = concentrationSentence(scheme, lang)!;
    const html = await renderFullReport({ ...input, lang });
    heading = /<h2 id="at-a-glance-title">([^<]+)<\/h2>/.exec(html)![1]!;
    const pdf = await renderPdf(html, { headerLeft: input.title });
    file = path.join(tempDir("segwork-pdf-"), "report.pdf");
    writeFileSync(file, pdf);
  }, 120_000);

  it("page one is the run header and the summary, and only that", () => {
    const first = squashed(pageText(file, 1));
    if (lang === "zh-CN") expect(heading).toMatch(/^\p{Script=Han}+$/u);
    expect(first).toContain(squashed(heading));
    expect(first).toContain(squashed(headline));
    expect(first).toContain(squashed(concentration));
    expect(first).toContain(squashed(t("header.generated")));
    // the section after the summary starts on page two
    expect(first).not.toContain(squashed(t("overview.rows")));
    expect(squashed(pageText(file, 2))).not.toContain(squashed(headline));
  });

  it("is a PDF with the sections on later pages", () => {
    expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync("/usr/bin/pdfinfo", [file], { encoding: "utf8" }))?.[1],
    );
    expect(pages).toBeGreaterThan(5);
  });
});

describe.skipIf(skip)("--pdf", () => {
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
