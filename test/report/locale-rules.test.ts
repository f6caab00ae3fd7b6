/**
 * The rule and comparison sections in zh-CN: rendered from the real stages
 * on the shipped clients (test/report-segments/fixture.ts), each section's
 * visible text — prose, captions, table headers and the text drawn in its
 * charts — has no run of three English words once the names and values from
 * configs and data are set aside; chart axes and legends are Chinese; tier
 * and segment names come from the configs' Chinese names. In English the
 * sentences the report now words itself equal the stages' own sentences,
 * and hostile names stay escaped in both languages.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  describeAbc,
  describeEmptyScores,
  parseValueActivityConfig,
  valueActivityMatrix,
} from "../../src/rules/index.js";
import type { Comparison } from "../../src/compare/types.js";
import { escapeHtml } from "../../src/report/html.js";
import type { ReportSection } from "../../src/report/html.js";
import { abcSection } from "../../src/report/sections/abc.js";
import { agreementSection } from "../../src/report/sections/comparison-agreement.js";
import { crosstabSection } from "../../src/report/sections/comparison-crosstab.js";
import { disagreementsSection } from "../../src/report/sections/comparison-disagreements.js";
import { clusterRulesSection } from "../../src/report/sections/comparison-rules.js";
import { valueSeparationSection } from "../../src/report/sections/comparison-value.js";
import { rfmGridSection } from "../../src/report/sections/rfm-grid.js";
import { rfmLintSection } from "../../src/report/sections/rfm-lint.js";
import { rfmScoresSection } from "../../src/report/sections/rfm-scores.js";
import { rfmSegmentsSection } from "../../src/report/sections/rfm-segments.js";
import { sectionContext } from "../../src/report/sections/section.js";
import type { SectionContext, SectionOutput } from "../../src/report/sections/section.js";
import { thresholdSection } from "../../src/report/sections/thresholds.js";
import { tiersSection } from "../../src/report/sections/tiers.js";
import { transactionsSection } from "../../src/report/sections/transactions.js";
import { valueActivitySection } from "../../src/report/sections/value-activity.js";
import type { SegmentReportData } from "../../src/report/types.js";
import { HOSTILE_SEGMENT, makeSegmentFixture } from "../report-segments/fixture.js";
import { visibleText } from "../helpers/report-html.js";
import { localeFor } from "../../src/report/i18n/locale.js";
import { separationVerdict } from "../../src/report/sections/comparison-value.js";
import * as notes from "../../src/shared/messages/workflows.js";
import {
  abcWorkflow,
  readAbcConfig,
  readThresholdConfig,
  thresholdsWorkflow,
} from "../../src/workflows/index.js";
import { shippedClients } from "../workflows/fixtures.js";

/** Three or more Latin words in a row (separated by spaces or light punctuation). */
const ENGLISH_RUN = /[A-Za-z][A-Za-z'’-]*(?:[\s,.:;()=]+[A-Za-z][A-Za-z'’-]*){2,}/g;

function sectionsOf(output: SectionOutput): ReportSection[] {
  return Array.isArray(output) ? [...output] : [output as ReportSection];
}

let data: SegmentReportData;
let comparison: Comparison;
/** Names and values from configs and data that may stay as written (longest first). */
let userStrings: string[];
let zh: SectionContext;
let en: SectionContext;

/** The Chinese names of the RFM segments, as the compare workflow attaches them. */
function withChineseNames(c: Comparison, segments: SegmentReportData): Comparison {
  const labelsB: Record<string, string> = {};
  for (const rule of segments.rfm!.table.segments)
    if (rule.nameZh) labelsB[rule.name] = rule.nameZh;
  labelsB[segments.rfm!.table.unmatched] = segments.rfm!.table.unmatchedZh ?? "其他";
  return { ...c, namesZh: { nameA: "K-Means 聚类（k = 4）", nameB: "RFM 客户分群", labelsB } };
}

/** Each section under test, by id, rendered from the fixture's data. */
const RENDERERS: Record<
  string,
  (context: SectionContext) => SectionOutput | Promise<SectionOutput>
> = {
  transactions: (context) => transactionsSection(data.transactions!, context),
  "rfm-scores": (context) => rfmScoresSection(data.rfm!, context),
  "rfm-segments": (context) => rfmSegmentsSection(data.rfm!, context),
  "rfm-grid": (context) => rfmGridSection(data.rfm!, context),
  "rfm-lint": (context) => rfmLintSection(data.rfm!, context),
  thresholds: (context) => thresholdSection(data.thresholds!, context),
  tiers: (context) => tiersSection(data.tiers!, context),
  abc: (context) => abcSection(data.abc!, context),
  "value-activity": (context) => valueActivitySection(data.valueActivity!, context),
  comparison: (context) => agreementSection(comparison, context),
  "cluster-rules": (context) => clusterRulesSection(comparison, context),
  crosstab: (context) => crosstabSection(comparison, context),
  disagreements: (context) => disagreementsSection(comparison, context),
  "value-separation": (context) => valueSeparationSection(comparison, context),
};
const SECTION_IDS = Object.keys(RENDERERS);

async function render(id: string, context: SectionContext): Promise<ReportSection[]> {
  return sectionsOf(await RENDERERS[id]!(context));
}

beforeAll(async () => {
  const fixture = await makeSegmentFixture();
  data = fixture.segments;
  comparison = withChineseNames(data.comparison!, data);
  const rfm = data.rfm!;
  const tx = data.transactions!;
  userStrings = [
    ...rfm.table.segments.flatMap((rule) => [
      rule.name,
      rule.description ?? "",
      ...(rule.strategy ?? []),
      rule.owner ?? "",
    ]),
    ...data.thresholds!.rules.flatMap((rule) => [rule.name, rule.when, rule.description ?? ""]),
    ...data.tiers!.result.tiers.map((tier) => tier.name),
    ...data.valueActivity!.cells.map((cell) => cell.name),
    tx.source,
    tx.amount,
    tx.invoice ?? "",
    ...("detected" in tx.dateFormat ? Object.keys(tx.dateFormat.detected) : []),
  ]
    .filter((text) => text.length > 0)
    .sort((a, b) => b.length - a.length);
  zh = sectionContext({ lang: "zh-CN", currency: "GBP" });
  en = sectionContext({ currency: "GBP" });
}, 120_000);

describe("rule and comparison sections in zh-CN", () => {
  it.each(SECTION_IDS)("%s: no run of three English words outside config names", async (id) => {
    const sections = await render(id, zh);
    expect(sections.length).toBe(1);
    let text = visibleText(sections[0]!.html.value);
    for (const name of userStrings) text = text.split(name).join(" ");
    expect(text.match(ENGLISH_RUN) ?? [], id).toEqual([]);
    expect(sections[0]!.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it("the check finds English where there is some: every English section fails it", async () => {
    for (const id of SECTION_IDS) {
      let text = visibleText((await render(id, en))[0]!.html.value);
      for (const name of userStrings) text = text.split(name).join(" ");
      expect((text.match(ENGLISH_RUN) ?? []).length, id).toBeGreaterThan(0);
    }
  });

  it("titles chart axes and legends in Chinese", async () => {
    const svg = async (id: string): Promise<string> =>
      visibleText((await render(id, zh))[0]!.html.value);
    const scores = await svg("rfm-scores");
    for (const title of ["最近消费", "消费频次", "消费金额", "评分（5 分最好）", "客户数"])
      expect(scores).toContain(title);
    expect(await svg("rfm-grid")).toContain("最近消费评分（5 分 = 最近）");
    const tiers = await svg("tiers");
    expect(tiers).toContain("得分（0–100）");
    expect(tiers).toContain("客户占比");
    const abc = await svg("abc");
    expect(abc).toContain("客户占比（按收入从低到高）");
    expect(abc).toContain("累计收入占比");
    expect(await svg("value-activity")).toMatch(/活跃（\d+ 天内有购买）/);
    expect(await svg("crosstab")).toContain("占该行");
    expect(await svg("value-separation")).toContain("组间基尼系数");
  });

  it("names tiers and RFM segments by the configs' Chinese names", async () => {
    const tiers = (await render("tiers", zh))[0]!.html.value;
    for (const tier of data.tiers!.result.tiers) {
      expect(tier.nameZh).toBeDefined();
      // The chart's threshold labels and legend ("钻石 ≥ …").
      expect(tiers).toContain(`${escapeHtml(tier.nameZh!)}`);
    }
    const crosstab = visibleText((await render("crosstab", zh))[0]!.html.value);
    expect(crosstab).toContain("冠军客户");
    expect(crosstab).not.toContain("Champions");
    const segments = (await render("rfm-segments", zh))[0]!.html.value;
    const champions = data.rfm!.table.segments.find((rule) => rule.name === "Champions")!;
    expect(champions.descriptionZh).toBeDefined();
    expect(segments).toContain(escapeHtml(champions.descriptionZh!));
    const quadrants = visibleText((await render("value-activity", zh))[0]!.html.value);
    for (const cell of data.valueActivity!.cells) {
      expect(cell.nameZh).toBeDefined();
      expect(quadrants).toContain(cell.nameZh);
      expect(quadrants).not.toContain(cell.name);
    }
  });

  it("keeps hostile segment names escaped, in the tables and the charts", async () => {
    for (const id of ["rfm-segments", "rfm-lint", "thresholds", "crosstab", "disagreements"]) {
      const html = (await render(id, zh))[0]!.html.value;
      expect(html, id).not.toContain("<img");
    }
    const segments = (await render("rfm-segments", zh))[0]!.html.value;
    expect(segments).toContain(escapeHtml(HOSTILE_SEGMENT));
    const hostile = { ...comparison, namesZh: { labelsB: { Champions: HOSTILE_SEGMENT } } };
    const crosstab = sectionsOf(await crosstabSection(hostile, zh))[0]!.html.value;
    expect(crosstab).not.toContain("<img");
    expect(crosstab).toContain(escapeHtml(HOSTILE_SEGMENT));
  });
});

describe("the same sections in English", () => {
  it("word the stages' numbers exactly as the stages' own sentences", async () => {
    const separation = comparison.separation!;
    const value = (await render("value-separation", en))[0]!.html.value;
    expect(value).toContain(escapeHtml(separation.verdict));
    const abc = (await render("abc", en))[0]!.html.value;
    expect(describeAbc(data.abc!).length).toBe(1);
    for (const note of describeAbc(data.abc!)) expect(abc).toContain(escapeHtml(note));
    const scores = (await render("rfm-scores", en))[0]!.html.value;
    for (const note of describeEmptyScores(data.rfm!.scores))
      expect(scores).toContain(escapeHtml(note));
  });

  it("keep their English text and ignore the Chinese names", async () => {
    const tx = (await render("transactions", en))[0]!.html.value;
    expect(tx).toContain(
      "<p>Read <code>online_retail &lt;2011&gt;.csv</code>. Amount per line: <code>Quantity*UnitPrice</code>; frequency counts distinct <code>InvoiceNo</code> values. Recency is counted in days before the as-of date 2011-12-10.</p>",
    );
    expect(tx).toContain("<h3>Cleaning rules</h3>");
    const crosstab = visibleText((await render("crosstab", en))[0]!.html.value);
    expect(crosstab).toContain("Champions");
    expect(crosstab).not.toContain("冠军客户");
    expect(crosstab).toContain("Where each K-Means k=4 group mostly lands in RFM segments.");
    const lint = visibleText((await render("rfm-lint", en))[0]!.html.value);
    expect(lint).toContain(
      "Segment rules are checked on every combination of scores, not only on the clients at hand",
    );
  });
});

describe("the one-line CLI summaries in zh-CN", () => {
  it("abc and thresholds switch on the language, with the same numbers", async () => {
    const table = await shippedClients();
    const abcZh = abcWorkflow({ table, config: readAbcConfig(), lang: "zh-CN" });
    const abcEn = abcWorkflow({ table, config: readAbcConfig() });
    expect(abcEn.summary.at(-1)).toBe(notes.giniLine(abcEn.result.gini));
    expect(abcZh.summary.at(-1)).toBe(`收入基尼系数：${abcEn.result.gini.toFixed(3)}`);
    const a = abcEn.result.classes[0]!;
    expect(abcZh.summary[0]).toBe(notes.abcLineZh("A", a.count, a.clientShare, a.revenueShare));
    const rules = thresholdsWorkflow({ table, config: readThresholdConfig(), lang: "zh-CN" });
    expect(rules.summary).toEqual(
      rules.assignment.counts.map((c) => notes.segmentLineZh(c.name, c.count, c.share)),
    );
  });

  it("the comparison's verdict: the stage's sentence in English, Chinese names and the same Ginis in zh-CN", () => {
    const separation = comparison.separation!;
    expect(separationVerdict(comparison, localeFor("en"))).toBe(separation.verdict);
    const zhVerdict = separationVerdict(comparison, localeFor("zh-CN"));
    expect(zhVerdict).toContain("RFM 客户分群");
    for (const gini of [separation.a.betweenGini, separation.b.betweenGini])
      expect(zhVerdict).toContain(gini.toFixed(2));
    expect(zhVerdict.match(ENGLISH_RUN) ?? []).toEqual([]);
  });
});

describe("Chinese quadrant names in the value × activity config", () => {
  it("reads namesZh, refuses a name that is not text, and names only the given quadrants", () => {
    const options = parseValueActivityConfig({ namesZh: { star: "明星客户" } }, "va.json");
    expect(options).toEqual({ namesZh: { star: "明星客户" } });
    expect(() => parseValueActivityConfig({ namesZh: { star: 3 } }, "va.json")).toThrow(/namesZh/);
    // Value cut 500 (median of 100 and 900), activity cut 105 days (median of 200 and 10):
    // a (100, 200 days) is dormant, b (900, 10 days) the star.
    const result = valueActivityMatrix(
      Float64Array.of(100, 900),
      Float64Array.of(200, 10),
      ["a", "b"],
      options,
    );
    expect(result.cells.map((cell) => [cell.quadrant, cell.nameZh])).toEqual([
      ["star", "明星客户"],
      ["sleepingGiant", undefined],
      ["rising", undefined],
      ["dormant", undefined],
    ]);
    expect(result.quadrant).toEqual(["dormant", "star"]);
  });
});
