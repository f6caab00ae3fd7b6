/**
 * The eight RFM customer types (重要价值客户 …) from two-level scoring around
 * the mean or the median, on a hand-worked table of 10 clients:
 *
 * | id  | recency | frequency | monetary | mean: R F M → type | median: R F M → type |
 * |-----|--------:|----------:|---------:|--------------------|----------------------|
 * | c01 |       5 |         8 |      900 | 2 2 2 重要价值     | 2 2 2 重要价值       |
 * | c02 |      10 |         1 |       50 | 2 1 1 一般发展     | 2 1 1 一般发展       |
 * | c03 |      20 |         2 |      400 | 2 1 2 重要发展     | 2 1 2 重要发展       |
 * | c04 |      40 |         6 |      500 | 1 2 2 重要保持     | 1 2 2 重要保持       |
 * | c05 |      80 |         1 |      700 | 1 1 2 重要挽留     | 1 1 2 重要挽留       |
 * | c06 |      15 |         1 |      100 | 2 1 1 一般发展     | 2 1 1 一般发展       |
 * | c07 |      30 |         4 |      150 | 2 2 1 一般价值     | 2 2 1 一般价值       |
 * | c08 |      60 |         3 |      600 | 1 1 2 重要挽留     | 1 2 2 重要保持       |
 * | c09 |     100 |         1 |      200 | 1 1 1 一般挽留     | 1 1 1 一般挽留       |
 * | c10 |      40 |         5 |      100 | 1 2 1 一般保持     | 1 2 1 一般保持       |
 *
 * Means: recency 400/10 = 40, frequency 32/10 = 3.2, monetary 3700/10 = 370.
 * Medians (type 7, n = 10: halfway between the 5th and 6th values):
 * recency (30 + 40)/2 = 35, frequency (2 + 3)/2 = 2.5, monetary (200 + 400)/2 = 300.
 * c04 and c10 have recency exactly 40 = the mean: not more recent than it → R = 1.
 * c08's frequency 3 is below the mean 3.2 but above the median 2.5, so it
 * moves from 重要挽留 (mean) to 重要保持 (median).
 */
import { describe, expect, it } from "vitest";
import {
  RFM_CUSTOMER_TYPES,
  assignSegments,
  checkRfmOptions,
  lintSegmentRules,
  parseRfmConfig,
  parseSegmentTableConfig,
  readRuleConfig,
  scoreRfm,
  shippedRuleConfig,
} from "../../src/rules/index.js";
import * as msg from "../../src/shared/messages/rules.js";
import { rfmSettings } from "../../src/workflows/rfm.js";

const ids = ["c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c09", "c10"];
const input = {
  ids,
  recencyDays: Float64Array.of(5, 10, 20, 40, 80, 15, 30, 60, 100, 40),
  frequency: Float64Array.of(8, 1, 2, 6, 1, 1, 4, 3, 1, 5),
  monetary: Float64Array.of(900, 50, 400, 500, 700, 100, 150, 600, 200, 100),
};

const MEAN_SCORES = [222, 211, 212, 122, 112, 211, 221, 112, 111, 121];
const MEDIAN_SCORES = [222, 211, 212, 122, 112, 211, 221, 122, 111, 121];
const MEAN_TYPES = [
  "重要价值客户",
  "一般发展客户",
  "重要发展客户",
  "重要保持客户",
  "重要挽留客户",
  "一般发展客户",
  "一般价值客户",
  "重要挽留客户",
  "一般挽留客户",
  "一般保持客户",
];

function typesZh(binning: "mean" | "median"): string[] {
  const assignment = assignSegments(scoreRfm(input, { binning }), RFM_CUSTOMER_TYPES);
  return Array.from(
    assignment.segmentIndex,
    (index) => RFM_CUSTOMER_TYPES.segments[index]?.nameZh ?? "其他",
  );
}

describe("two-level RFM scoring (mean, median) on the hand-worked table", () => {
  it("scores 2 only when strictly better than the mean: recency below it, frequency and monetary above it", () => {
    const scores = scoreRfm(input, { binning: "mean" });
    expect([scores.binning, scores.bins]).toEqual(["mean", 2]);
    expect(Array.from(scores.rfmScore)).toEqual(MEAN_SCORES);
    // The centres, exact in binary for these sums (400, 32, 3700 over 10: 3.2 to 1 ulp).
    expect(scores.thresholds.recency.cuts).toEqual([40]);
    expect(scores.thresholds.frequency.cuts[0]).toBeCloseTo(3.2, 14);
    expect(scores.thresholds.monetary.cuts).toEqual([370]);
    expect(scores.thresholds.recency.source).toBe("mean");
  });

  it("counts a value equal to the mean as not better (c04 and c10: recency 40 = mean → R = 1)", () => {
    const scores = scoreRfm(input, { binning: "mean" });
    expect([scores.recencyScore[3], scores.recencyScore[9]]).toEqual([1, 1]);
  });

  it("uses the type-7 median as the centre with binning median (c08 moves to F = 2)", () => {
    const scores = scoreRfm(input, { binning: "median" });
    expect(scores.thresholds.recency.cuts).toEqual([35]);
    expect(scores.thresholds.frequency.cuts).toEqual([2.5]);
    expect(scores.thresholds.monetary.cuts).toEqual([300]);
    expect(Array.from(scores.rfmScore)).toEqual(MEDIAN_SCORES);
  });

  it("reports each bin with its smallest and largest value and its count (recency reversed: bin 1 → score 2)", () => {
    const { recency, frequency } = scoreRfm(input, { binning: "mean" }).thresholds;
    expect(recency.bins).toEqual([
      { score: 2, lower: 5, upper: 30, count: 5 },
      { score: 1, lower: 40, upper: 100, count: 5 },
    ]);
    expect(frequency.bins).toEqual([
      { score: 1, lower: 1, upper: 3, count: 6 },
      { score: 2, lower: 4, upper: 8, count: 4 },
    ]);
  });

  it("calls nobody frequent when the median frequency is the most common value (strict: 1 is not above 1)", () => {
    const scores = scoreRfm(
      {
        ids: ["a", "b", "c", "d", "e"],
        recencyDays: [1, 2, 3, 4, 5],
        frequency: [1, 1, 1, 2, 5],
        monetary: [1, 2, 3, 4, 5],
      },
      { binning: "median" },
    );
    expect(Array.from(scores.frequencyScore)).toEqual([1, 1, 1, 2, 2]);
    expect(scores.thresholds.frequency.emptyScores).toEqual([]);
  });

  it("leaves a score empty (and says so) when every value equals the centre", () => {
    const scores = scoreRfm(
      { ids: ["a", "b"], recencyDays: [7, 7], frequency: [2, 2], monetary: [10, 20] },
      { binning: "mean" },
    );
    expect(Array.from(scores.recencyScore)).toEqual([1, 1]);
    expect(scores.thresholds.recency.emptyScores).toEqual([2]);
    expect(Number.isNaN(scores.thresholds.recency.bins[0]!.lower)).toBe(true);
  });
});

describe("the eight RFM customer types", () => {
  it("names every client of the hand-worked table (mean)", () => {
    expect(typesZh("mean")).toEqual(MEAN_TYPES);
  });

  it("moves c08 from 重要挽留客户 to 重要保持客户 with the median", () => {
    const median = typesZh("median");
    expect(median[7]).toBe("重要保持客户");
    expect(median.filter((t, i) => t !== MEAN_TYPES[i])).toEqual(["重要保持客户"]);
  });

  it("covers all 8 cells of the 2×2×2 grid once each: no overlap, nobody unmatched", () => {
    const lint = lintSegmentRules(RFM_CUSTOMER_TYPES.segments, 2);
    expect(lint.totalCells).toBe(8);
    expect(lint.uncoveredCells).toBe(0);
    expect(lint.fullyShadowed).toEqual([]);
    expect(lint.partiallyShadowed).toEqual([]);
    expect(lint.rules.map((rule) => rule.wins)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it("is shipped as data/rules/rfm-types.json with the same names and cells, and bilingual descriptions", () => {
    const file = shippedRuleConfig("rfm-types.json");
    const shipped = readRuleConfig(file, parseSegmentTableConfig);
    expect(shipped.bins).toBe(2);
    expect(shipped.unmatchedZh).toBe("其他");
    expect(
      shipped.segments.map((s) => [s.name, s.nameZh, s.recency, s.frequency, s.monetary]),
    ).toEqual(
      RFM_CUSTOMER_TYPES.segments.map((s) => [
        s.name,
        s.nameZh,
        s.recency,
        s.frequency,
        s.monetary,
      ]),
    );
    for (const segment of shipped.segments) {
      expect(segment.description, segment.name).toBeTruthy();
      expect(segment.descriptionZh, segment.name).toBeTruthy();
    }
  });
});

describe("two-level options", () => {
  it("defaults to 2 bins and refuses any other number", () => {
    expect(checkRfmOptions({ binning: "median" })).toEqual({ binning: "median", bins: 2 });
    expect(() => checkRfmOptions({ binning: "mean", bins: 5 })).toThrow(
      msg.twoLevelBins("mean", 5).message,
    );
  });

  it("refuses cut points, in options and in a config", () => {
    expect(() => checkRfmOptions({ binning: "mean", cuts: { recency: [10] } })).toThrow(
      msg.cutsWithTwoLevel("recency", "mean").message,
    );
    expect(() =>
      parseRfmConfig({ binning: "median", bins: 2, cuts: { recency: [10] } }, "rfm.json"),
    ).toThrow(msg.cutsOnlyWithRRfm());
  });

  it("makes the RFM workflow drop the config's 5 bins and default to the eight types", () => {
    const settings = rfmSettings({ binning: "median" });
    expect(settings.rfm).toEqual({ binning: "median", bins: 2 });
    expect(settings.segmentsFile).toBe(shippedRuleConfig("rfm-types.json"));
    expect(settings.table.segments).toHaveLength(8);
  });
});
