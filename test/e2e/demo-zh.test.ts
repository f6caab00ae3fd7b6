/**
 * The zh-CN demo report as a Chinese reader gets it: `segwork demo --lang
 * zh-CN` writes a report whose every section — headings, sentences, table
 * headers, chart axis and legend titles — has no run of three English words,
 * apart from the user's own names (feature columns, the English segment
 * names the config gives beside the Chinese ones). The control: the English
 * demo has such runs in every section, so the check is not empty.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { shippedRuleConfig, parseSegmentTableConfig } from "../../src/rules/index.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { sectionHtml, sectionIds } from "../helpers/report-html.js";
import { englishRuns, visibleText } from "../helpers/visible-text.js";

/** Names that come from the user's data and config, not from segwork's words. */
function userNames(): string[] {
  const segments = parseSegmentTableConfig(
    JSON.parse(readFileSync(shippedRuleConfig("rfm-segments.json"), "utf8")),
    "rfm-segments.json",
  ).segments.map((s) => s.name);
  return [...segments, "recency_days", "frequency", "monetary"];
}

/** The visible text of a section with the user's names taken out. */
function ownText(html: string, names: readonly string[]): string {
  let text = visibleText(html);
  // Longest first, so "Can't Lose Them" goes before any shorter name inside it.
  for (const name of [...names].sort((a, b) => b.length - a.length))
    text = text.split(name).join(" ");
  return text;
}

describe("the zh-CN demo report", () => {
  const out = path.join(tempDir(), "demo-zh");
  const outEn = path.join(tempDir(), "demo-en");
  let zh = "";
  let en = "";
  beforeAll(() => {
    for (const [dir, lang] of [
      [out, "zh-CN"],
      [outEn, "en"],
    ] as const) {
      const result = runCli(["demo", "--out", dir, "--lang", lang, "--quiet"]);
      if (result.status !== 0) throw new Error(`demo --lang ${lang} failed: ${result.stderr}`);
    }
    zh = readFileSync(path.join(out, "report.html"), "utf8");
    en = readFileSync(path.join(outEn, "report.html"), "utf8");
  }, 120_000);

  it("has the same sections as the English one, in Chinese", () => {
    expect(zh).toContain('<html lang="zh-CN">');
    expect(sectionIds(zh)).toEqual(sectionIds(en));
    expect(sectionIds(zh).length).toBeGreaterThanOrEqual(25);
  });

  it("has no run of three English words in any section outside the user's names", () => {
    const names = userNames();
    const left = Object.fromEntries(
      sectionIds(zh)
        .map((id) => [id, englishRuns(ownText(sectionHtml(zh, id), names))] as const)
        .filter(([, runs]) => runs.length > 0),
    );
    expect(left).toEqual({});
  });

  it("is a real check: the English demo has such runs in every section", () => {
    const names = userNames();
    for (const id of sectionIds(en)) {
      expect(englishRuns(ownText(sectionHtml(en, id), names)).length, id).toBeGreaterThan(0);
    }
  });
});
