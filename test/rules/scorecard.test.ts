import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  parseConfigText,
  parseScorecardConfig,
  scoreScorecard,
  normalizeFeature,
  averageRanks,
} from "../../src/rules/index.js";
import type { Scorecard } from "../../src/rules/index.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");

const TIERS = [
  { name: "Diamond", min: 85 },
  { name: "Gold", min: 70 },
  { name: "Silver", min: 55 },
  { name: "Bronze", min: 0 },
];

describe("normalisations", () => {
  it("percentile: (average rank − 1)/(n − 1), ties averaged; lower flips", () => {
    // 10 40 40 100 5 → ranks 2, 3.5, 3.5, 5, 1 → (r − 1)/4 = .25 .625 .625 1 0
    expect(Array.from(averageRanks([10, 40, 40, 100, 5]))).toEqual([2, 3.5, 3.5, 5, 1]);
    expect(
      Array.from(
        normalizeFeature([10, 40, 40, 100, 5], { method: "percentile", direction: "higher" }),
      ),
    ).toEqual([0.25, 0.625, 0.625, 1, 0]);
    expect(
      Array.from(
        normalizeFeature([10, 40, 40, 100, 5], { method: "percentile", direction: "lower" }),
      ),
    ).toEqual([0.75, 0.375, 0.375, 0, 1]);
    expect(
      Array.from(normalizeFeature([7], { method: "percentile", direction: "higher" })),
    ).toEqual([0.5]);
  });

  it("cap: min(x/cap, 1), negatives at 0; minmax: (x − min)/(max − min), 0.5 when constant", () => {
    expect(
      Array.from(normalizeFeature([-2, 1, 5, 25], { method: "cap", cap: 20, direction: "higher" })),
    ).toEqual([0, 0.05, 0.25, 1]);
    expect(
      Array.from(normalizeFeature([0, 5, 10], { method: "cap", cap: 10, direction: "lower" })),
    ).toEqual([1, 0.5, 0]);
    expect(
      Array.from(normalizeFeature([100, 200, 500], { method: "minmax", direction: "higher" })),
    ).toEqual([0, 0.25, 1]);
    expect(Array.from(normalizeFeature([3, 3], { method: "minmax", direction: "higher" }))).toEqual(
      [0.5, 0.5],
    );
  });
});

describe("scoreScorecard, hand-worked 5 clients", () => {
  const card: Scorecard = {
    weights: { recency_days: 0.3, frequency: 0.3, monetary: 0.4 },
    normalization: {
      recency_days: { method: "percentile", direction: "lower" },
      frequency: { method: "cap", cap: 20, direction: "higher" },
      monetary: { method: "minmax", direction: "higher" },
    },
    assign: "thresholds",
    tiers: TIERS,
  };
  const columns = {
    recency_days: [10, 40, 40, 100, 5],
    frequency: [1, 5, 10, 25, 20],
    monetary: [100, 200, 300, 400, 500],
  };
  const r = scoreScorecard(card, columns, ["a", "b", "c", "d", "e"]);

  it("scores 100·Σ w·s", () => {
    // recency (lower) .75 .375 .375 0 1 · frequency cap 20: .05 .25 .5 1 1 · monetary minmax 0 .25 .5 .75 1
    // a: .3·.75 + .3·.05 + 0 = .24 → 24;  b: .1125 + .075 + .1 = .2875 → 28.75;  c: .1125 + .15 + .2 → 46.25
    // d: 0 + .3 + .3 → 60;  e: .3 + .3 + .4 → 100
    [24, 28.75, 46.25, 60, 100].forEach((s, i) => expect(r.score[i]).toBeCloseTo(s, 10));
    expect(Array.from(r.components["frequency"]!)).toEqual([0.05, 0.25, 0.5, 1, 1]);
  });

  it("assigns tiers by score ≥ lower bound, with actual shares", () => {
    expect(r.tier).toEqual(["Bronze", "Bronze", "Bronze", "Silver", "Diamond"]);
    expect(r.tiers.map((t) => [t.name, t.count, t.actualShare])).toEqual([
      ["Diamond", 1, 0.2],
      ["Gold", 0, 0],
      ["Silver", 1, 0.2],
      ["Bronze", 3, 0.6],
    ]);
    expect(r.tiers[1]!.minScore).toBeNaN();
    expect(r.tiers[3]!.minScore).toBeCloseTo(24, 10);
    expect(r.tiers[3]!.maxScore).toBeCloseTo(46.25, 10);
  });
});

describe("threshold edges", () => {
  const single = (values: number[]): string[] =>
    scoreScorecard(
      {
        weights: { x: 1 },
        normalization: { x: { method: "cap", cap: 100, direction: "higher" } },
        assign: "thresholds",
        tiers: TIERS,
      },
      { x: values },
      values.map(String),
    ).tier;

  it("puts 84.5 and 84.999 in Gold (no rounding: Gold 70–84 means [70, 85)), 85 in Diamond", () => {
    expect(single([85, 84.999, 84.5, 70, 69.99, 55, 54.99, 0])).toEqual([
      "Diamond",
      "Gold",
      "Gold",
      "Gold",
      "Silver",
      "Silver",
      "Bronze",
      "Bronze",
    ]);
  });

  it("counts a score a hair below a bound by floating point as on the bound", () => {
    // s = 3/20, 15/20, 14/20 with weights .3 .3 .4 → .045 + .225 + .28 = .55 on paper, 54.99999999999999 in doubles.
    const r = scoreScorecard(
      {
        weights: { a: 0.3, b: 0.3, c: 0.4 },
        normalization: {
          a: { method: "cap", cap: 20, direction: "higher" },
          b: { method: "cap", cap: 20, direction: "higher" },
          c: { method: "cap", cap: 20, direction: "higher" },
        },
        assign: "thresholds",
        tiers: TIERS,
      },
      { a: [3], b: [15], c: [14] },
      ["x"],
    );
    expect(r.score[0]).toBe(54.99999999999999);
    expect(r.tier).toEqual(["Silver"]);
  });
});

describe("tiers by target shares (5/15/30/50%), ties kept together", () => {
  const values = [100, 90, 90, 90, 90, 80, 70, 60, 50, 50, 50, 40, 30, 20, 10, 5, 5, 3, 2, 0];
  const card: Scorecard = {
    weights: { x: 1 },
    normalization: { x: { method: "cap", cap: 100, direction: "higher" } },
    assign: "shares",
    tiers: [
      { name: "Diamond", share: 0.05 },
      { name: "Gold", share: 0.15 },
      { name: "Silver", share: 0.3 },
      { name: "Bronze", share: 0.5 },
    ],
  };

  it("fills tiers top-down; a tie group joins the tier its first member falls in", () => {
    // n = 20 → cumulative ends 1, 4, 10, 20 (positions 0-based).
    // 100 at 0 → Diamond; 90×4 start at 1 < 4 → all Gold (4, above target 3);
    // 80, 70, 60 at 5–7 and 50×3 starting at 8 < 10 → Silver (6); the rest from 11 → Bronze (9).
    const r = scoreScorecard(card, { x: values }, values.map(String));
    expect(r.tiers.map((t) => [t.name, t.count, t.actualShare, t.targetShare])).toEqual([
      ["Diamond", 1, 0.05, 0.05],
      ["Gold", 4, 0.2, 0.15],
      ["Silver", 6, 0.3, 0.3],
      ["Bronze", 9, 0.45, 0.5],
    ]);
    expect(r.tier.slice(0, 6)).toEqual(["Diamond", "Gold", "Gold", "Gold", "Gold", "Silver"]);
  });

  it("gives everyone the top tier when all scores tie", () => {
    const r = scoreScorecard(card, { x: [7, 7, 7] }, ["a", "b", "c"]);
    expect(r.tiers.map((t) => t.count)).toEqual([3, 0, 0, 0]);
  });
});

describe("the shipped tiers configs", () => {
  it("data/rules/tiers.json: bilingual tiers, thresholds 85/70/55/0 with target shares", () => {
    const file = path.join(repoRoot, "data/rules/tiers.json");
    const card = parseScorecardConfig(JSON.parse(readFileSync(file, "utf8")), file);
    expect(card.tiers.map((t) => [t.nameZh, t.name, t.min, t.share])).toEqual([
      ["钻石", "Diamond", 85, 0.05],
      ["黄金", "Gold", 70, 0.15],
      ["白银", "Silver", 55, 0.3],
      ["青铜", "Bronze", 0, 0.5],
    ]);
    expect(card.assign).toBe("thresholds");
  });

  it("data/rules/tiers-shares.yaml: the same card in YAML, assigned by shares", () => {
    const file = path.join(repoRoot, "data/rules/tiers-shares.yaml");
    const card = parseScorecardConfig(parseConfigText(readFileSync(file, "utf8"), file), file);
    expect(card.assign).toBe("shares");
    expect(card.normalization["frequency"]).toEqual({
      method: "cap",
      cap: 20,
      direction: "higher",
    });
  });
});

describe("scorecard data errors", () => {
  const card: Scorecard = {
    weights: { monetary: 1 },
    normalization: { monetary: { method: "minmax", direction: "higher" } },
    assign: "thresholds",
    tiers: TIERS,
  };
  it("names a weighted feature missing from the table, and a missing value", () => {
    expect(() => scoreScorecard(card, { frequency: [1] }, ["a"])).toThrow(
      'the scorecard needs column "monetary", which the client table does not have (columns: frequency)',
    );
    expect(() => scoreScorecard(card, { monetary: [1, Number.NaN] }, ["a", "b"])).toThrow(
      'column "monetary", row 2 (client b): NaN is not a number; fill or drop missing values before scoring',
    );
  });
});
