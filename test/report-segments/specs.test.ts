/**
 * The segment chart builders: each spec validates against vega-lite's JSON
 * schema, compiles and renders without a warning, draws the expected number
 * of marks, and shows hostile names as escaped text. The pure helpers behind
 * them are checked on hand-worked cases.
 */
import { describe, expect, it } from "vitest";
import { expectValidSpec } from "../helpers/vega-schema.js";
import type { TopLevelSpec } from "vega-lite";
import { countMarks, renderChart } from "../../src/report/render.js";
import {
  crosstabHeatmapSpec,
  histogramBins,
  histogramSpec,
  lorenzCurveSpec,
  niceStep,
  rfHeatmapSpec,
  rfMonetaryCells,
  rfmScoreDistributionSpec,
  scoreHistogram,
  segmentSizeSpec,
  thinCurve,
  tierColors,
  tierHistogramSpec,
  tierSharesSpec,
  tierThresholds,
  uniqueNames,
  valueActivitySpec,
  valueSeparationSpec,
} from "../../src/report/specs/index.js";
import { logTicks } from "../../src/report/specs/rfm.js";
import { abcAnalysis, scoreRfm } from "../../src/rules/index.js";
import { valueSeparation } from "../../src/compare/separation.js";
import { HOSTILE_SEGMENT } from "./hostile.js";

async function expectRenders(spec: TopLevelSpec): Promise<string> {
  expectValidSpec(spec);
  const { svg, warnings } = await renderChart(spec);
  expect(warnings).toEqual([]);
  expect(svg.startsWith("<svg")).toBe(true);
  return svg;
}

const ESCAPED_HOSTILE = "&lt;img src=x onerror=alert(1)&gt;";

function expectEscaped(svg: string): void {
  expect(svg).not.toContain(HOSTILE_SEGMENT);
  expect(svg).not.toMatch(/<img/i);
  expect(svg).toContain(ESCAPED_HOSTILE);
}

describe("RFM charts", () => {
  // 20 clients with distinct values: r-rfm quintiles put 4 in every bin of every measure.
  const n = 20;
  const scores = scoreRfm({
    ids: Array.from({ length: n }, (_, i) => `c${i}`),
    recencyDays: Float64Array.from({ length: n }, (_, i) => 5 + 10 * i),
    frequency: Float64Array.from({ length: n }, (_, i) => 1 + i),
    monetary: Float64Array.from({ length: n }, (_, i) => 100 * (i + 1)),
  });

  it("score distribution: three panels of five bars, each labelled", async () => {
    const svg = await expectRenders(rfmScoreDistributionSpec(scores));
    // 3 measures × 5 scores × (bar + count label) = 30.
    expect(countMarks(svg)).toBe(30);
    for (const title of ["Recency", "Frequency", "Monetary"]) expect(svg).toContain(title);
  });

  it("segment sizes: one bar and one label per segment, escaped names", async () => {
    const svg = await expectRenders(
      segmentSizeSpec([
        { name: "Champions", count: 30, share: 0.3 },
        { name: HOSTILE_SEGMENT, count: 0, share: 0 },
        { name: "Others", count: 70, share: 0.7, unmatched: true },
      ]),
    );
    expect(countMarks(svg)).toBe(6);
    expect(svg).toContain("70 (70.0%)");
    expect(svg).toContain('fill="#a3a9b3"'); // the unmatched group is grey
    expectEscaped(svg);
  });

  it("R×F cells: counts and mean monetary per cell, R descending then F", () => {
    // Clients (r, f, m): (2,1,10), (2,1,30), (1,2,NaN). Cell (2,1): 2 clients, mean (10+30)/2 = 20;
    // cell (1,2): 1 client whose monetary is missing → mean NaN; the other cells are empty.
    const cells = rfMonetaryCells(Uint8Array.of(2, 2, 1), Uint8Array.of(1, 1, 2), [10, 30, NaN], 2);
    expect(cells.map((c) => [c.r, c.f, c.clients])).toEqual([
      [2, 1, 2],
      [2, 2, 0],
      [1, 1, 0],
      [1, 2, 1],
    ]);
    expect(cells[0]!.meanMonetary).toBe(20);
    expect(cells[1]!.meanMonetary).toBeNaN();
    expect(cells[3]!.meanMonetary).toBeNaN();
    expect(() => rfMonetaryCells(Uint8Array.of(1), Uint8Array.of(1, 2), [1], 2)).toThrow(
      "1 recency scores, 2 frequency scores, 1 monetary values",
    );
  });

  it("R×F heatmap: a cell and a two-line label per filled cell, log legend ticks", async () => {
    const cells = rfMonetaryCells(
      scores.recencyScore,
      scores.frequencyScore,
      [...Array.from({ length: n }, (_, i) => 100 * (i + 1))],
      5,
    );
    const filled = cells.filter((c) => c.clients > 0).length;
    const svg = await expectRenders(rfHeatmapSpec(cells, 5, { currency: "GBP" }));
    expect(countMarks(svg)).toBe(2 * filled);
    expect(svg).toContain("monetary (GBP)");
    // 1, 2, 5 × 10^k inside [low, high], at most five.
    expect(logTicks(300, 9927)).toEqual([500, 1000, 2000, 5000]);
    // 19 candidates → the 7 powers of ten → every second one.
    expect(logTicks(1, 1e6)).toEqual([1, 100, 10000, 1000000]);
    expect(logTicks(0, 10)).toEqual([]);
  });

  it("unique names: repeats get a number that is not taken", () => {
    expect(uniqueNames(["A", "B", "A", "A (2)"])).toEqual(["A", "B", "A (3)", "A (2)"]);
    expect(uniqueNames([])).toEqual([]);
  });
});

describe("tier charts", () => {
  it("score histogram: bins split by tier, clamped ends, non-finite skipped", () => {
    // Width 2: 0, 1.9 and −5 (clamped) → [0,2) tier 1 ×3; 2 → [2,4) tier 1; 99.99, 100 and 150 (clamped) → [98,100) tier 0 ×3.
    const bins = scoreHistogram(
      [0, 1.9, 2, 99.99, 100, 150, -5, NaN],
      Uint8Array.of(1, 1, 1, 0, 0, 0, 1, 1),
      2,
    );
    expect(bins).toEqual([
      { start: 0, end: 2, tier: 1, clients: 3 },
      { start: 2, end: 4, tier: 1, clients: 1 },
      { start: 98, end: 100, tier: 0, clients: 3 },
    ]);
    expect(() => scoreHistogram([1], Uint8Array.of(0), 3)).toThrow(
      "binWidth must divide 100 into whole bins, got 3",
    );
  });

  it("thresholds: the configured minimum, else the lowest score; never the last tier", () => {
    expect(
      tierThresholds([
        { name: "Gold", min: 70, minScore: 71.2 },
        { name: "Silver", min: 0, minScore: 3 },
      ]),
    ).toEqual([{ tier: 0, name: "Gold", at: 70 }]);
    expect(
      tierThresholds([
        { name: "Top", minScore: 82.5 },
        { name: "Empty", minScore: NaN },
        { name: "Rest", minScore: 0 },
      ]),
    ).toEqual([{ tier: 0, name: "Top", at: 82.5 }]);
  });

  it("tier colours run from dark to light, best first", () => {
    expect(tierColors(0)).toEqual([]);
    expect(tierColors(1)).toEqual(["#4c78a8"]);
    // Ramp of 8: indices round(i × 7 / 3) = 0, 2, 5, 7.
    expect(tierColors(4)).toEqual(["#1f3b73", "#4c78a8", "#b8d2e8", "#dfe3e8"]);
  });

  it("histogram spec: one bar per piece plus a rule and a label per threshold, escaped tier names", async () => {
    const bins = scoreHistogram([10, 12, 50, 55, 90, 91], Uint8Array.of(2, 2, 1, 1, 0, 0), 2);
    const svg = await expectRenders(
      tierHistogramSpec(
        bins,
        [HOSTILE_SEGMENT, "Silver", "Bronze"],
        [
          { tier: 0, name: HOSTILE_SEGMENT, at: 85 },
          { tier: 1, name: "Silver", at: 40 },
        ],
      ),
    );
    // Pieces: [10,12) [12,14) [50,52) [54,56) [90,92) ×1 → 5 bars (90 and 91 share a bin: 2 clients); 2 rules + 2 labels.
    expect(bins.length).toBe(5);
    expect(countMarks(svg)).toBe(5 + 2 + 2);
    expect(svg).toContain("Silver ≥ 40");
    expectEscaped(svg);
  });

  it("shares spec: actual and target bars with labels; targets optional", async () => {
    const withTargets = await expectRenders(
      tierSharesSpec([
        { name: "Gold", actualShare: 0.2, targetShare: 0.25 },
        { name: HOSTILE_SEGMENT, actualShare: 0.8, targetShare: 0.75 },
      ]),
    );
    expect(countMarks(withTargets)).toBe(8); // 2 tiers × 2 series × (bar + label)
    expect(withTargets).toContain("25.0%");
    expectEscaped(withTargets);
    const actualOnly = await expectRenders(tierSharesSpec([{ name: "Gold", actualShare: 1 }]));
    expect(countMarks(actualOnly)).toBe(2);
    expect(actualOnly).not.toContain("Target");
  });
});

describe("ABC and CLV charts", () => {
  it("thins a curve by stride, keeping the ends and the asked-for points", () => {
    const points = Array.from({ length: 10 }, (_, i) => ({
      clientShare: i / 9,
      revenueShare: i / 9,
    }));
    // max 4: stride 9/3 = 3 → indices 0, 3, 6, 9, plus the kept 4.
    expect(thinCurve(points, 4, [4]).map((p) => Math.round(p.clientShare * 9))).toEqual([
      0, 3, 4, 6, 9,
    ]);
    expect(thinCurve(points, 20)).toHaveLength(10);
    expect(() => thinCurve(points, 1)).toThrow("max must be at least 2, got 1");
  });

  it("Lorenz: shaded area, diagonal, curve, two boundaries with points and three class labels", async () => {
    // Revenues 1..100: A = the top clients making 80%, B the next 15%, C the rest.
    const abc = abcAnalysis(Float64Array.from({ length: 100 }, (_, i) => i + 1));
    const svg = await expectRenders(lorenzCurveSpec(abc));
    // area + diagonal + curve (1 path each) + 2 rules + 2 points + 3 labels = 10.
    expect(countMarks(svg)).toBe(10);
    for (const c of abc.classes) expect(svg).toContain(`Class ${c.name}`);
    expect(svg).toContain("Share of clients, lowest revenue first");
  });

  it("nice steps are 1, 2, 2.5 or 5 × 10^k", () => {
    expect(niceStep(1234, 30)).toBe(50); // 41.1 → 50
    expect(niceStep(10, 10)).toBe(1);
    expect(niceStep(24, 10)).toBe(2.5);
    expect(niceStep(0, 10)).toBe(1);
  });

  it("histogram bins up to a quantile and counts what is above", () => {
    // q = 0.75 of 4 values: rank ceil(3) = 3rd → cap 3; step niceStep(2, 2) = 1 from 1: [1,2) [2,3) [3,4); 50 above.
    expect(histogramBins([1, 2, 3, 50, NaN], { target: 2, upperQuantile: 0.75 })).toEqual({
      bins: [
        { start: 1, end: 2, count: 1 },
        { start: 2, end: 3, count: 1 },
        { start: 3, end: 4, count: 1 },
      ],
      above: 1,
      upper: 4,
      total: 4,
    });
    expect(histogramBins([])).toEqual({ bins: [], above: 0, upper: 0, total: 0 });
    expect(() => histogramBins([1], { upperQuantile: 0 })).toThrow(
      "upperQuantile must be in (0, 1]",
    );
  });

  it("histogram spec draws one bar per bin", async () => {
    const { bins } = histogramBins(
      Float64Array.from({ length: 200 }, (_, i) => ((i * 37) % 1000) - 100),
      {
        target: 20,
        upperQuantile: 1,
      },
    );
    const svg = await expectRenders(histogramSpec(bins, { valueTitle: "CLV (GBP)" }));
    expect(countMarks(svg)).toBe(bins.length);
    expect(svg).toContain("CLV (GBP)");
  });
});

describe("value × activity and comparison charts", () => {
  it("value × activity: four cells with names, counts and shares; cut points on the axes", async () => {
    const cell = (
      quadrant: "star" | "sleepingGiant" | "rising" | "dormant",
      name: string,
      count: number,
      highValue: boolean,
      active: boolean,
    ) => ({ quadrant, name, count, share: count / 100, highValue, active });
    const svg = await expectRenders(
      valueActivitySpec(
        {
          valueCut: 649.955,
          activityCut: 51,
          cells: [
            cell("star", HOSTILE_SEGMENT, 40, true, true),
            cell("sleepingGiant", "Sleeping", 10, true, false),
            cell("rising", "Rising", 15, false, true),
            cell("dormant", "Dormant", 35, false, false),
          ],
        },
        { valueName: "monetary", currency: "GBP" },
      ),
    );
    expect(countMarks(svg)).toBe(8);
    expect(svg).toContain("High monetary (≥ 650 GBP)");
    expect(svg).toContain("Active (bought ≤ 51 days ago)");
    expect(svg).toContain("40 clients · 40.0%");
    expectEscaped(svg);
  });

  it("crosstab heatmap: every cell drawn, labels only on non-empty cells", async () => {
    const spec = crosstabHeatmapSpec(
      {
        rowLabels: ["0", "1"],
        colLabels: ["Champions", HOSTILE_SEGMENT, "Lost"],
        counts: [
          [5, 3, 0],
          [0, 1, 9],
        ],
        rowShares: [
          [5 / 8, 3 / 8, 0],
          [0, 0.1, 0.9],
        ],
      },
      { nameA: "K-Means k=2", nameB: "RFM", rowNames: { "0": "0: High spend" } },
    );
    const svg = await expectRenders(spec);
    const rects = (
      svg.match(/<g class="mark-rect role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/)![1]!.match(/<path/g) ??
      []
    ).length;
    expect(rects).toBe(6);
    // Four non-empty cells, each labelled "count" over "share of the row": 5 / 63%, 3 / 38%, 1 / 10%, 9 / 90%.
    for (const text of ["63%", "38%", "10%", "90%"]) expect(svg).toContain(text);
    expect(svg).toContain("0: High spend");
    expectEscaped(svg);
  });

  it("value separation: both schemes side by side, client and revenue bars per segment", async () => {
    // Revenue 10, 10, 80 over two schemes (see valueSeparation's example).
    const separation = valueSeparation({
      nameA: "K-Means",
      nameB: "RFM",
      a: ["1", "1", "2"],
      b: ["x", HOSTILE_SEGMENT, HOSTILE_SEGMENT],
      revenue: [10, 10, 80],
    });
    const svg = await expectRenders(valueSeparationSpec(separation, { namesA: { "2": "2: Top" } }));
    // A: 2 segments, B: 2 segments → 4 segments × 2 measures × (bar + label) = 16.
    expect(countMarks(svg)).toBe(16);
    expect(svg).toContain("between-segment Gini 0.467"); // 140 / 300
    expect(svg).toContain("2: Top");
    expectEscaped(svg);
  });
});
