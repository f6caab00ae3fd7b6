/**
 * The one-page summary: every sentence against the numbers it states, worked
 * by hand on six clients (change the data → the sentence changes or
 * disappears), in English and Chinese; the section on the real fixtures
 * (Online Retail RFM + K-Means, and a K-Means-only report).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ValueSeparation } from "../../src/compare/types.js";
import { fullReportContext } from "../../src/report/documents/full-report.js";
import { escapeHtml } from "../../src/report/html.js";
import type { ReportSection } from "../../src/report/html.js";
import { sectionContext } from "../../src/report/sections/section.js";
import { summarySection, summarySectionIn } from "../../src/report/sections/summary.js";
import {
  clusterScheme,
  rfmScheme,
  strongestTraits,
  thresholdScheme,
  tierScheme,
} from "../../src/report/summary/segments.js";
import {
  actionSentence,
  changeSentences,
  concentrationSentence,
  headlineSentence,
  segmentSentence,
  separationSentence,
  zhJoin,
} from "../../src/report/summary/sentences.js";
import type { RfmReportData, FullReportInput } from "../../src/report/types.js";
import type { SegmentTable } from "../../src/rules/types.js";
import { makeSegmentFixture, HOSTILE_SEGMENT } from "../report-segments/fixture.js";
import { makeReportInput } from "./fixture.js";

const TABLE: SegmentTable = {
  bins: 5,
  unmatched: "Others",
  unmatchedZh: "其他",
  segments: [
    {
      name: "Champions",
      nameZh: "冠军客户",
      strategy: ["reward", "early access"],
      owner: "CRM",
      recency: [4, 5],
      frequency: [4, 5],
      monetary: [4, 5],
    },
    { name: "Lost", nameZh: "流失客户", recency: [1, 1], frequency: [1, 5], monetary: [1, 5] },
  ],
};

const LABELS = ["Champions", "Champions", "Lost", "Lost", "Lost", "Others"];

/** Six clients: two Champions, three Lost, one unmatched. */
function rfm(monetary = [1000, 700, 50, 100, 150, 100]) {
  return {
    table: TABLE,
    assignment: {
      segmentIndex: Int16Array.from([0, 0, 1, 1, 1, -1]),
      segment: LABELS,
      counts: [
        { name: "Champions", index: 0, count: 2, share: 2 / 6 },
        { name: "Lost", index: 1, count: 3, share: 3 / 6 },
        { name: "Others", index: -1, count: 1, share: 1 / 6 },
      ],
      unmatchedCount: 1,
      unmatchedName: "Others",
    },
    // overall means: recency 680/6 = 113.3 days, frequency 20/6 = 3.33, monetary 2100/6 = 350
    recencyDays: [5, 15, 200, 300, 100, 60],
    frequency: [10, 6, 1, 1, 1, 1],
    monetary,
  };
}

function separation(better: "A" | "B" | "tie"): ValueSeparation {
  const scheme = (name: string, betweenGini: number) => ({
    name,
    segments: [],
    topSegment: { label: "x", revenueShare: 0.5, clientShare: 0.1, meanRevenue: 1 },
    betweenGini,
  });
  return {
    clients: 6,
    missingRevenue: 0,
    totalRevenue: 2100,
    a: scheme("K-Means", 0.612),
    b: scheme("RFM segments", better === "tie" ? 0.608 : 0.551),
    better,
    verdict: "",
  };
}

describe("strongestTraits", () => {
  it("names means at least 1.25× above or below the overall mean, strongest first, at most two", () => {
    const t = (feature: string, segmentMean: number) => ({
      feature,
      segmentMean,
      overallMean: 100,
    });
    expect(strongestTraits([t("a", 124), t("b", 125), t("c", 79)]).map((x) => x.feature)).toEqual([
      "c", // ln(100/79) = 0.236
      "b", // ln 1.25 = 0.223: exactly the threshold
    ]);
    expect(strongestTraits([t("a", 124), t("b", 79.9)]).map((x) => x.feature)).toEqual(["b"]);
    expect(strongestTraits([t("a", 300), t("b", 10), t("c", 200)]).map((x) => x.feature)).toEqual([
      "b",
      "a",
    ]);
    // no ratio of a non-positive mean
    expect(strongestTraits([t("a", 0), t("b", -50)])).toEqual([]);
  });
});

describe("rfmScheme on six clients", () => {
  it("sizes, revenue shares and traits by hand, most revenue first", () => {
    const scheme = rfmScheme(rfm());
    expect(scheme.clients).toBe(6);
    expect(scheme.segments.map((s) => s.name)).toEqual(["Champions", "Lost", "Others"]);
    const [champions, lost, others] = scheme.segments;
    // 1,700 of 2,100; 300 of 2,100; 100 of 2,100
    expect(champions!.revenueShare).toBeCloseTo(1700 / 2100, 12);
    expect(lost!.revenueShare).toBeCloseTo(300 / 2100, 12);
    expect(others!.revenueShare).toBeCloseTo(100 / 2100, 12);
    // Champions: recency 10 vs 113.3 (ln ratio 2.43), monetary 850 vs 350 (0.887) beat frequency 8 vs 3.33 (0.875)
    expect(champions!.traits.map((t) => t.feature)).toEqual(["recency_days", "monetary"]);
    expect(champions!.traits[1]!.segmentMean).toBeCloseTo(850, 12);
    // Lost: monetary 100/350 (ln 1.25) beats frequency 1/3.33 (1.20) and recency 200/113.3 (0.57)
    expect(lost!.traits.map((t) => t.feature)).toEqual(["monetary", "frequency"]);
    expect(champions).toMatchObject({
      nameZh: "冠军客户",
      strategy: ["reward", "early access"],
      owner: "CRM",
    });
    expect(others!.nameZh).toBe("其他");
    expect(lost!.strategy).toBeUndefined();
  });

  it("drops empty segments", () => {
    const data = rfm();
    data.assignment.counts.push({ name: "Empty", index: 1, count: 0, share: 0 });
    expect(rfmScheme(data).segments.map((s) => s.name)).not.toContain("Empty");
  });

  it("property: client and revenue shares each sum to 1 over the segments", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 2 }), fc.double({ min: 1, max: 1e4, noNaN: true })),
          {
            minLength: 1,
            maxLength: 60,
          },
        ),
        (rows) => {
          const names = ["Champions", "Lost", "Others"];
          const segment = rows.map(([g]) => names[g]!);
          const counts = names.map((name, g) => {
            const count = rows.filter(([h]) => h === g).length;
            return { name, index: g === 2 ? -1 : g, count, share: count / rows.length };
          });
          const scheme = rfmScheme({
            table: TABLE,
            assignment: {
              segmentIndex: Int16Array.from(rows.map(([g]) => (g === 2 ? -1 : g))),
              segment,
              counts,
              unmatchedCount: counts[2]!.count,
              unmatchedName: "Others",
            },
            recencyDays: rows.map(() => 30),
            frequency: rows.map(() => 2),
            monetary: rows.map(([, m]) => m),
          });
          const clientShares = scheme.segments.reduce((s, x) => s + x.clientShare, 0);
          const revenueShares = scheme.segments.reduce((s, x) => s + x.revenueShare!, 0);
          expect(clientShares).toBeCloseTo(1, 12);
          expect(revenueShares).toBeCloseTo(1, 12);
          // equal recency and frequency everywhere: never named as a trait
          for (const s of scheme.segments)
            for (const t of s.traits) expect(t.feature).toBe("monetary");
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
});

describe("headline and concentration", () => {
  it("counts clients and segments", () => {
    expect(headlineSentence(rfmScheme(rfm()), "en")).toBe("6 clients in 3 RFM segments.");
    expect(headlineSentence(rfmScheme(rfm()), "zh-CN")).toBe("6 位客户分为 3 个 RFM 分群。");
    const one = { kind: "tiers" as const, clients: 4, segments: [rfmScheme(rfm()).segments[0]!] };
    expect(headlineSentence(one, "en")).toBe("4 clients in 1 scorecard tier.");
    expect(headlineSentence({ kind: "rfm", clients: 0, segments: [] }, "en")).toBeNull();
  });

  it("names the segment with the most revenue, and follows the data", () => {
    expect(concentrationSentence(rfmScheme(rfm()), "en")).toBe(
      "The top segment by revenue, Champions, makes 81.0% of revenue with 33.3% of clients.",
    );
    // move the spend to the Lost clients: 1,850 of 2,100
    expect(concentrationSentence(rfmScheme(rfm([100, 100, 1000, 700, 150, 50])), "en")).toBe(
      "The top segment by revenue, Lost, makes 88.1% of revenue with 50.0% of clients.",
    );
    expect(concentrationSentence(rfmScheme(rfm()), "zh-CN")).toBe(
      "收入最高的分群是冠军客户，以 33.3% 的客户贡献了 81.0% 的收入。",
    );
  });

  it("is left out when the scheme has no revenue", () => {
    const tiers = tierScheme({
      result: {
        tier: ["Gold", "Gold", "Bronze"],
        tiers: [
          {
            name: "Gold",
            nameZh: "黄金",
            count: 2,
            actualShare: 2 / 3,
            minScore: 71.2,
            maxScore: 93.8,
            owner: "Key accounts",
          },
          { name: "Bronze", count: 1, actualShare: 1 / 3, minScore: 12, maxScore: 12 },
          { name: "Empty", count: 0, actualShare: 0, minScore: Number.NaN, maxScore: Number.NaN },
        ],
      },
    });
    expect(concentrationSentence(tiers, "en")).toBeNull();
    expect(tiers.segments.map((s) => s.name)).toEqual(["Gold", "Bronze"]);
    expect(segmentSentence(tiers.segments[0]!, "en")).toBe("Gold: 2 clients (66.7%); score 71–94.");
    expect(segmentSentence(tiers.segments[0]!, "zh-CN")).toBe(
      "黄金：2 位客户（66.7%）；评分 71–94。",
    );
    expect(actionSentence(tiers.segments[0]!, "en")).toBe("Gold: owned by Key accounts.");
  });

  it("read the config's Chinese keywords and owner in zh-CN, the English ones otherwise", () => {
    const segment = {
      ...rfmScheme(rfm()).segments[0]!,
      strategyZh: ["回馈奖励", "新品抢先体验"],
      ownerZh: "CRM 团队",
    };
    expect(actionSentence(segment, "zh-CN")).toBe(
      "冠军客户：回馈奖励、新品抢先体验；负责人：CRM 团队。",
    );
    expect(actionSentence(segment, "en")).toBe("Champions: reward, early access (owner: CRM).");
    // Without Chinese fields zh-CN falls back to the English keywords.
    expect(actionSentence(rfmScheme(rfm()).segments[0]!, "zh-CN")).toBe(
      "冠军客户：reward、early access；负责人：CRM。",
    );
  });
});

describe("segment lines", () => {
  it("state size, revenue share and the two strongest traits", () => {
    const [champions, lost] = rfmScheme(rfm()).segments;
    expect(segmentSentence(champions!, "en")).toBe(
      "Champions: 2 clients (33.3%), 81.0% of revenue; last ordered 10 days ago on average (all clients: 113) and spend 2.4× the average.",
    );
    expect(segmentSentence(lost!, "en")).toBe(
      "Lost: 3 clients (50.0%), 14.3% of revenue; spend 29% of the average and orders 30% of the average.",
    );
    expect(segmentSentence(champions!, "zh-CN")).toBe(
      "冠军客户：2 位客户（33.3%），贡献 81.0% 的收入；平均 10 天前消费（全部客户 113 天），消费金额为平均的 2.4 倍。",
    );
  });

  it("leave out the traits when no measure stands out", () => {
    const data = rfm([350, 350, 350, 350, 350, 350]);
    data.recencyDays = [50, 50, 50, 50, 50, 50];
    data.frequency = [2, 2, 2, 2, 2, 2];
    expect(segmentSentence(rfmScheme(data).segments[0]!, "en")).toBe(
      "Lost: 3 clients (50.0%), 50.0% of revenue.",
    );
  });

  it("threshold segments have sizes and actions only", () => {
    const scheme = thresholdScheme({
      rules: [{ name: "churn risk", when: "frequency <= 1", strategy: ["win back"] }],
      assignment: {
        label: ["churn risk", "Others", "Others"],
        counts: [
          { name: "churn risk", index: 0, count: 1, share: 1 / 3 },
          { name: "Others", index: -1, count: 2, share: 2 / 3 },
        ],
      },
    });
    expect(scheme.segments.map((s) => segmentSentence(s, "en"))).toEqual([
      "Others: 2 clients (66.7%).",
      "churn risk: 1 clients (33.3%).",
    ]);
    expect(scheme.segments.map((s) => actionSentence(s, "en"))).toEqual([
      null,
      "churn risk: win back.",
    ]);
  });
});

describe("which scheme separates value", () => {
  it("names the scheme with the higher between-segment Gini", () => {
    expect(separationSentence(separation("A"), "en")).toBe(
      "K-Means separates value better than RFM segments: between-segment Gini 0.612 against 0.551.",
    );
    const b = separation("B");
    [b.a.betweenGini, b.b.betweenGini] = [0.551, 0.612];
    expect(separationSentence(b, "en")).toBe(
      "RFM segments separates value better than K-Means: between-segment Gini 0.612 against 0.551.",
    );
    expect(separationSentence(separation("A"), "zh-CN")).toBe(
      "K-Means 比 RFM segments 更能区分客户价值：分群间基尼系数 0.612，后者为 0.551。",
    );
    // With the schemes' names in the report's language (the comparison's Chinese names).
    expect(
      separationSentence(separation("A"), "zh-CN", { a: "K-Means 聚类", b: "RFM 客户分群" }),
    ).toBe("K-Means 聚类比 RFM 客户分群更能区分客户价值：分群间基尼系数 0.612，后者为 0.551。");
  });

  it("joins Chinese as it is typeset: a space only next to a Latin word or number", () => {
    expect(zhJoin(["K-Means", "比", "RFM 客户分群", "更能"])).toBe("K-Means 比 RFM 客户分群更能");
    expect(zhJoin(["冠军客户", "与", "k = 4"])).toBe("冠军客户与 k = 4");
    expect(zhJoin(["", "比", ""])).toBe("比");
  });

  it("says so on a tie, and nothing without a separation", () => {
    expect(separationSentence(separation("tie"), "en")).toBe(
      "K-Means and RFM segments separate value about equally (between-segment Gini 0.612 and 0.608).",
    );
    expect(separationSentence(null, "en")).toBeNull();
    expect(separationSentence(undefined, "zh-CN")).toBeNull();
  });
});

describe("what changed since the previous period", () => {
  const scheme = rfmScheme(rfm());
  // before: 5 clients — Champions 20%, Lost 60%, Gone 20%; now: 33.3%, 50%, Others 16.7%
  const previous = {
    label: "2011-Q3",
    segments: [
      { name: "Champions", clients: 1 },
      { name: "Lost", clients: 3 },
      { name: "Gone", clients: 1 },
    ],
  };

  it("the client count, then the three largest moves in share", () => {
    expect(changeSentences(scheme, previous, "en")).toEqual([
      "Clients went from 5 to 6 (+20.0%) since 2011-Q3.",
      "Gone had 20.0% of clients in 2011-Q3 and has none now.",
      "Others is new since 2011-Q3: 16.7% of clients.",
      "Champions grew from 20.0% to 33.3% of clients since 2011-Q3.",
    ]);
    expect(changeSentences(scheme, previous, "zh-CN")).toEqual([
      "客户总数自2011-Q3以来由 5 变为 6（+20.0%）。",
      "Gone在2011-Q3占客户 20.0%，本期已无客户。",
      "其他为2011-Q3之后新出现的分群，占客户 16.7%。",
      "冠军客户占客户比例自2011-Q3以来由 20.0% 升至 33.3%。",
    ]);
  });

  it("a move under one point, or no previous period, says nothing", () => {
    // 200/300/100 of 600: the same shares as now; only the count changed
    const same = {
      segments: [
        { name: "Champions", clients: 200 },
        { name: "Lost", clients: 300 },
        { name: "Others", clients: 100 },
      ],
    };
    expect(changeSentences(scheme, same, "en")).toEqual([
      "Clients went from 600 to 6 (−99.0%) since the last period.",
    ]);
    const unchanged = {
      segments: [
        { name: "Champions", clients: 2 },
        { name: "Lost", clients: 3 },
        { name: "Others", clients: 1 },
      ],
    };
    expect(changeSentences(scheme, unchanged, "en")).toEqual([]);
    expect(changeSentences(scheme, undefined, "en")).toEqual([]);
  });
});

describe("what to do", () => {
  it("strategy and owner from the config, or nothing", () => {
    const [champions, lost] = rfmScheme(rfm()).segments;
    expect(actionSentence(champions!, "en")).toBe("Champions: reward, early access (owner: CRM).");
    expect(actionSentence(champions!, "zh-CN")).toBe(
      "冠军客户：reward、early access；负责人：CRM。",
    );
    expect(actionSentence(lost!, "en")).toBeNull();
    expect(actionSentence({ ...lost!, strategy: [" "], owner: " " }, "en")).toBeNull();
  });
});

const META = {
  title: "t",
  command: "segwork rfm",
  version: "0.1.0",
  generatedAt: "2026-01-01T00:00:00Z",
};

function only(output: unknown): ReportSection {
  expect(Array.isArray(output)).toBe(false);
  return output as ReportSection;
}

describe("summary section", () => {
  // The section reads only these parts of the RFM data; the rest is not needed here.
  const withRfm = (): FullReportInput => ({
    ...META,
    segments: {
      rfm: rfm() as unknown as RfmReportData,
      comparison: { separation: separation("A") } as never,
    },
  });

  it("leads with the headline, concentration and verdict, then lines, changes and actions", async () => {
    const input = {
      ...withRfm(),
      previous: { label: "2011-Q3", segments: [{ name: "Champions", clients: 6 }] },
    };
    const section = only(await summarySection(input, sectionContext()));
    expect(section.id).toBe("at-a-glance");
    expect(section.title).toBe("At a glance");
    const html = section.html.value;
    expect(html).toContain(
      '<p class="summary-lead">6 clients in 3 RFM segments. The top segment by revenue, Champions, makes 81.0% of revenue with 33.3% of clients. K-Means separates value better',
    );
    expect(html.indexOf("<h3>Who they are</h3>")).toBeLessThan(
      html.indexOf("<h3>What changed</h3>"),
    );
    expect(html.indexOf("<h3>What changed</h3>")).toBeLessThan(html.indexOf("<h3>What to do</h3>"));
    expect(html).toContain("<li>Champions: reward, early access (owner: CRM).</li>");
  });

  it("leaves out the parts without evidence, and the section without data", async () => {
    const html = only(await summarySection(withRfm(), sectionContext())).html.value;
    expect(html).not.toContain("What changed");
    const noRevenue = only(
      await summarySection(
        { ...META, segments: { rfm: { ...rfm(), table: { ...TABLE, segments: [] } } as never } },
        sectionContext(),
      ),
    ).html.value;
    expect(noRevenue).not.toContain("What to do");
    expect(await summarySection({ ...META }, sectionContext())).toEqual([]);
  });

  it("writes Chinese with the Chinese names", async () => {
    const section = only(await summarySectionIn("zh-CN")(withRfm(), sectionContext()));
    expect(section.title).toBe("概览");
    expect(section.html.value).toContain("<h3>客户分群</h3>");
    expect(section.html.value).toContain("<li>冠军客户：2 位客户（33.3%）");
  });
});

describe("summary section on the real fixtures", () => {
  let full: FullReportInput;
  beforeAll(async () => {
    full = (await makeSegmentFixture()).input;
  }, 60_000);

  it("Online Retail: RFM segments with revenue, the K-Means verdict, hostile names escaped", async () => {
    const section = only(await summarySection(full, fullReportContext(full)));
    const html = section.html.value;
    const scheme = rfmScheme(full.segments!.rfm!);
    expect(html).toContain(headlineSentence(scheme, "en")!);
    expect(html).toContain(concentrationSentence(scheme, "en")!);
    expect(html).toContain(separationSentence(full.segments!.comparison!.separation, "en")!);
    expect(html).not.toContain(HOSTILE_SEGMENT);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    // revenue shares of the lines add up to the whole
    const total = scheme.segments.reduce((s, x) => s + x.revenueShare!, 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it("a K-Means report: the clusters, with revenue from the monetary feature", async () => {
    const input = makeReportInput({ rows: 300, exampleIds: false });
    const profiles = input.cluster!.profiles;
    const context = sectionContext({ profiles });
    const scheme = clusterScheme(profiles, context.clusterNames);
    expect(scheme.segments.length).toBe(profiles.k);
    const html = only(await summarySection(input, context)).html.value;
    expect(html).toContain(headlineSentence(scheme, "en")!);
    for (const segment of scheme.segments)
      expect(html).toContain(escapeHtml(segmentSentence(segment, "en")));
  });
});
