/**
 * Report languages: the two message catalogues agree (keys and placeholders),
 * the locales format numbers and dates, and a zh-CN report is written in
 * Chinese (lang attribute, headings, segment names, chart text alternatives)
 * while every name from a config stays escaped in both languages.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { renderClusterReport } from "../../src/report/documents/cluster-report.js";
import { renderSegmentReport } from "../../src/report/documents/full-report.js";
import { EN } from "../../src/report/i18n/en.js";
import { catalogue, LANGS, localeFor, placeholdersOf } from "../../src/report/i18n/locale.js";
import type { Lang } from "../../src/report/i18n/locale.js";
import { ZH_CN } from "../../src/report/i18n/zh-CN.js";
import {
  SEGMENT_TABLE_HEADER,
  SEGMENT_TABLE_HEADER_ZH,
  segmentTableCsv,
} from "../../src/report/segment-table.js";
import {
  RFM_CUSTOMER_TYPES,
  assignSegments,
  lintSegmentRules,
  parseSegmentTableConfig,
  readRuleConfig,
  rfmSegmentRows,
  scoreRfm,
  UNMATCHED_RULE,
  shippedRuleConfig,
} from "../../src/rules/index.js";
import type { SegmentTable } from "../../src/rules/types.js";
import type { FullReportInput } from "../../src/report/types.js";
import { HOSTILE_FEATURE, HOSTILE_LABEL, makeReportInput } from "./fixture.js";

describe("message catalogues", () => {
  it("have the same keys in en and zh-CN", () => {
    expect(Object.keys(ZH_CN).sort()).toEqual(Object.keys(EN).sort());
  });

  it("use the same placeholders for every key", () => {
    for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
      expect(placeholdersOf(ZH_CN[key]), key).toEqual(placeholdersOf(EN[key]));
    }
  });

  it("have no empty message, and every zh-CN heading is in Chinese", () => {
    for (const lang of LANGS)
      for (const [key, text] of Object.entries(catalogue(lang)))
        expect(text.trim().length, `${lang} ${key}`).toBeGreaterThan(0);
    for (const [key, text] of Object.entries(ZH_CN).filter(([k]) => k.startsWith("title.")))
      expect(text, key).toMatch(/[\u4e00-\u9fff]/);
  });

  it("finds placeholder names, with or without an English plural noun", () => {
    expect(placeholdersOf("{rows|row} in {k}, {rows}")).toEqual(["k", "rows"]);
  });
});

describe("locales", () => {
  it("fills placeholders and writes English counts with their noun", () => {
    const en = localeFor("en");
    expect(en.t("sizes.caption", { rows: 4338 })).toBe("Rows per cluster (4,338 rows in all).");
    expect(en.t("sizes.caption", { rows: 1 })).toBe("Rows per cluster (1 row in all).");
    expect(localeFor("zh-CN").t("sizes.caption", { rows: 4338 })).toBe(
      "各簇的行数（共 4338 行）。",
    );
  });

  it("refuses a message whose placeholder has no value (a bug, not user input)", () => {
    expect(() => localeFor("en").t("sizes.caption")).toThrow(/\{rows\}/);
  });

  it("formats numbers, percentages and dates per language", () => {
    const en = localeFor("en");
    const zh = localeFor("zh-CN");
    expect([en.number(1234567.891), zh.number(1234567.891)]).toEqual(["1,234,568", "1,234,568"]);
    expect([en.percent(0.28413), zh.percent(0.28413)]).toEqual(["28.4%", "28.4%"]);
    expect(zh.number(-0.0001, 2)).toBe("0.00");
    expect(zh.number(Number.NaN)).toBe("—");
    expect(en.date("2024-05-01T09:30:00.000Z")).toBe("2024-05-01 09:30 UTC");
    expect(zh.date("2024-05-01T09:30:00.000Z")).toBe("2024年5月1日 09:30 UTC");
    expect(zh.date("not a date")).toBe("not a date");
  });
});

// The hand-worked 10 clients of test/rules/rfm-types.test.ts, with the eight types.
const HOSTILE_EN = "<img src=x onerror=alert(1)>";
const HOSTILE_ZH = "<script>alert('价值')</script>";
const HOSTILE_DESCRIPTION_ZH = "近期<b>消费</b> & 高频";

/** The shipped eight types, with bilingual descriptions. */
const SHIPPED_TYPES = readRuleConfig(shippedRuleConfig("rfm-types.json"), parseSegmentTableConfig);

function reportInput(lang: Lang, table: SegmentTable = SHIPPED_TYPES): FullReportInput {
  const ids = ["c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c09", "c10"];
  const recencyDays = Float64Array.of(5, 10, 20, 40, 80, 15, 30, 60, 100, 40);
  const frequency = Float64Array.of(8, 1, 2, 6, 1, 1, 4, 3, 1, 5);
  const monetary = Float64Array.of(900, 50, 400, 500, 700, 100, 150, 600, 200, 100);
  const scores = scoreRfm({ ids, recencyDays, frequency, monetary }, { binning: "mean" });
  const assignment = assignSegments(scores, table);
  return {
    title: "RFM <types>",
    command: "segwork rfm --binning mean --lang " + lang,
    version: "0.1.0",
    generatedAt: "2024-05-01T09:30:00.000Z",
    lang,
    segments: {
      rfm: {
        scores,
        table,
        assignment,
        lint: lintSegmentRules(table.segments, table.bins, assignment),
        recencyDays,
        frequency,
        monetary,
      },
    },
  };
}

const HOSTILE_TABLE: SegmentTable = {
  ...RFM_CUSTOMER_TYPES,
  segments: RFM_CUSTOMER_TYPES.segments.map((rule, index) =>
    index === 5
      ? {
          ...rule,
          name: HOSTILE_EN,
          nameZh: HOSTILE_ZH,
          description: "x",
          descriptionZh: HOSTILE_DESCRIPTION_ZH,
        }
      : rule,
  ),
};

describe("a zh-CN report", () => {
  let zh: string;
  let en: string;
  beforeAll(async () => {
    [zh, en] = await Promise.all([
      renderSegmentReport(reportInput("zh-CN")),
      renderSegmentReport(reportInput("en")),
    ]);
  });

  it("declares its language and has Chinese contents, headings, header and footer", () => {
    expect(zh).toContain('<html lang="zh-CN">');
    expect(en).toContain('<html lang="en">');
    expect(zh).toContain('<nav class="toc" aria-label="目录"><p class="toc-title">目录</p>');
    expect(zh).toContain('<h2 id="rfm-scores-title">RFM 评分</h2>');
    expect(zh).toContain('<h2 id="rfm-segments-title">RFM 客户分群</h2>');
    expect(zh).toContain("<dt>命令</dt>");
    expect(zh).toContain("2024年5月1日 09:30 UTC，segwork 0.1.0");
    expect(zh).toContain("由 segwork 0.1.0 于 2024年5月1日 09:30 UTC 生成");
    expect(en).toContain('<h2 id="rfm-scores-title">RFM scores</h2>');
  });

  it("states the two-level centres from the data (means 40 days, 3.2 orders, 370)", () => {
    expect(zh).toContain(
      "每个指标优于平均值记 2 分，否则记 1 分（最近消费：距今少于平均的 40 天；消费频次高于 3.2；消费金额高于 370）。",
    );
    expect(en).toContain(
      "(recency: more recent than the mean of 40 days; frequency above 3.2; monetary above 370)",
    );
  });

  it("leads with the Chinese segment names and keeps the English one beneath", () => {
    expect(zh).toContain('重要价值客户<span class="sub" lang="en">Important Value</span>');
    expect(en).toContain('Important Value<span class="sub" lang="zh">重要价值客户</span>');
    expect(zh).toContain("近期消费、消费频次高、消费金额高：最有价值的客户");
  });

  it("gives every translated chart a text alternative stated from the numbers, in both languages", () => {
    // Two types hold 2 of the 10 clients (20.0%): 重要挽留 (c05, c08) and 一般发展 (c02, c06);
    // the largest named is the first of them in rule order, 重要挽留客户.
    const alt = (page: string) =>
      [...page.matchAll(/role="img" aria-label="([^"]*)"/g)].map((m) => m[1]!);
    const zhSegments = alt(zh).find((text) => text.includes("个分群的客户数"));
    expect(zhSegments).toBe(
      "条形图：8 个分群的客户数，最大的是“重要挽留客户”，2 位客户（20.0%）；0 位客户未匹配任何规则。",
    );
    const enSegments = alt(en).find((text) => text.startsWith("Bar chart of clients per segment"));
    expect(enSegments).toBe(
      "Bar chart of clients per segment, 8 segments: the largest is “Important Win-back” with 2 clients (20.0%); 0 clients match no rule.",
    );
    expect(zh).toContain(`<desc>${zhSegments}</desc>`);
  });

  it("escapes hostile names and descriptions from a config in both languages", async () => {
    const [hostileZh, hostileEn] = await Promise.all([
      renderSegmentReport(reportInput("zh-CN", HOSTILE_TABLE)),
      renderSegmentReport(reportInput("en", HOSTILE_TABLE)),
    ]);
    for (const page of [hostileZh, hostileEn]) {
      expect(page).not.toContain(HOSTILE_EN);
      expect(page).not.toContain(HOSTILE_ZH);
      expect(page).not.toMatch(/<img|<script/i);
      expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
      expect(page).toContain("&lt;script&gt;alert(&#39;价值&#39;)&lt;/script&gt;");
      expect(page).toContain("<title>RFM &lt;types&gt;</title>");
    }
    expect(hostileZh).toContain("近期&lt;b&gt;消费&lt;/b&gt; &amp; 高频");
  });
});

describe("the segment table in zh-CN", () => {
  it("has Chinese headers, Chinese descriptions and the unmatched rule in Chinese; English unchanged", () => {
    const input = reportInput("zh-CN");
    const rfm = input.segments!.rfm!;
    const rows = rfmSegmentRows(
      rfm.table,
      rfm.assignment.counts,
      rfm.assignment.segmentIndex,
      rfm.monetary,
    );
    const zh = segmentTableCsv(rows, "zh-CN").split("\n");
    expect(zh[0]).toBe(`\uFEFF${SEGMENT_TABLE_HEADER_ZH.join(",")}`);
    // 重要价值客户 is c01 alone: 1 of 10 clients, 900 of 3,700 revenue = 24.3%.
    expect(zh[1]).toBe(
      "1,Important Value,重要价值客户,R 2 · F 2 · M 2,近期消费、消费频次高、消费金额高：最有价值的客户,1,10.0%,24.3%,VIP 专属服务; 回馈奖励; 新品抢先体验,大客户部",
    );
    expect(zh[9]).toBe("9,Others,其他,以上规则均不匹配,,0,0.0%,0.0%,,");
    const en = segmentTableCsv(rows).split("\n");
    expect(en[0]).toBe(`\uFEFF${SEGMENT_TABLE_HEADER.join(",")}`);
    expect(en[9]).toBe(`9,Others,其他,${UNMATCHED_RULE},,0,0.0%,0.0%,,`);
    // English keeps the config's English keywords and owner.
    expect(en[1]!.endsWith(",VIP service; reward; early access,Key accounts")).toBe(true);
  });
});

describe("a zh-CN K-Means report", () => {
  let zh: string;
  let input: ReturnType<typeof makeReportInput>;
  beforeAll(async () => {
    input = makeReportInput({ rows: 600 });
    zh = await renderClusterReport({ ...input, lang: "zh-CN" });
  });

  it("has Chinese headings and summary labels", () => {
    expect(zh).toContain('<html lang="zh-CN">');
    for (const heading of ["概要", "肘部曲线", "各 k 值的质量指标", "各簇的轮廓系数", "各簇规模"])
      expect(zh, heading).toMatch(new RegExp(`<h2 id="[a-z-]+-title">${heading}</h2>`));
    expect(zh).toContain("<dt>参与聚类的行数</dt>");
  });

  it("states the knee and the recommended k in the elbow chart's text alternative", () => {
    const { elbowK, recommendedK } = input.sweep!.recommendation;
    const label = /aria-label="(折线图：k 从 2 到 8 的惯性[^"]*)"/.exec(zh)?.[1];
    expect(label).toBeDefined();
    expect(label).toContain(
      elbowK === null
        ? `没有明显拐点；推荐 k = ${recommendedK}`
        : `拐点在 k = ${elbowK}，推荐 k = ${recommendedK}`,
    );
  });

  it("escapes hostile feature names and cluster labels in Chinese too", () => {
    expect(zh).not.toContain(HOSTILE_FEATURE);
    expect(zh).not.toContain(HOSTILE_LABEL);
    expect(zh).not.toMatch(/<script/i);
  });
});
