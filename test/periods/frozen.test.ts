/**
 * Frozen grading: artifacts saved on 2011-Q1 of the shipped log, applied to
 * every quarter. At the reference period they must give the fit's own
 * labels, scores and tiers; later, the nearest centroid, the bins of the
 * saved cut points and the frozen scorecard, each checked against a slow
 * obvious reference.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  freezeScorecard,
  frozenNormalize,
  gradeFrozen,
  requireArtifactColumns,
  scoreFrozenScorecard,
  type FrozenArtifacts,
  type FrozenGrade,
} from "../../src/grade/index.js";
import type { Table } from "../../src/load/types.js";
import { applyScaler } from "../../src/prepare/scaler.js";
import { assignSegments, scoreRfm, scoreScorecard } from "../../src/rules/index.js";
import type { Scorecard } from "../../src/rules/types.js";
import * as msg from "../../src/shared/messages/periods.js";
import { tableFrom } from "../helpers/table.js";
import { fitModel } from "../grade/helpers.js";
import {
  artifactsOn,
  FEATURES,
  periodTables,
  shippedPeriods,
  shippedScorecard,
} from "./shipped.js";

describe("frozen grading of 2011's quarters with artifacts saved on Q1", () => {
  let tables: Table[];
  let artifacts: FrozenArtifacts;
  let graded: FrozenGrade[];
  beforeAll(async () => {
    tables = periodTables(await shippedPeriods("quarter"));
    artifacts = artifactsOn(tables[0]!);
    graded = tables.map((t) => gradeFrozen(artifacts, t));
  }, 120_000);

  it("gives the reference period the fit's own clusters, RFM scores and tiers", () => {
    const q1 = tables[0]!;
    const { fitLabels } = fitModel(
      q1,
      { features: FEATURES, log: ["frequency", "monetary"], scale: "zscore" },
      4,
    );
    // Clients with a net negative spend (log1p undefined) are dropped at the fit and left
    // unscored by grading; every other client gets the fit's label.
    const cluster = graded[0]!.cluster!;
    const scored = Array.from(cluster.cluster).filter((c) => c >= 0);
    expect(cluster.counts.unscoredLogInvalid).toBe(q1.rowCount - fitLabels.length);
    expect(scored).toEqual(Array.from(fitLabels));
    const rfm = scoreRfm({
      ids: q1.ids,
      recencyDays: q1.columns.recency_days!,
      frequency: q1.columns.frequency!,
      monetary: q1.columns.monetary!,
    });
    expect(graded[0]!.rfm!.scores.rfmScore).toEqual(rfm.rfmScore);
    const card = shippedScorecard();
    const tiers = scoreScorecard(card, q1.columns, q1.ids);
    expect(graded[0]!.tiers!.tier).toEqual(tiers.tier);
    graded[0]!.tiers!.score.forEach((s, i) => expect(s).toBeCloseTo(tiers.score[i]!, 12));
  });

  it("assigns every later client to its nearest saved centroid", () => {
    const model = artifacts.model!.model;
    const d = model.features.length;
    for (const [p, table] of tables.entries()) {
      const original = new Float64Array(table.rowCount * d);
      for (let i = 0; i < table.rowCount; i++) {
        model.features.forEach((f, j) => (original[i * d + j] = table.columns[f]![i]!));
      }
      const scaled = applyScaler(model.scaler, { data: original, rows: table.rowCount, cols: d });
      const cluster = graded[p]!.cluster!.cluster;
      for (let i = 0; i < table.rowCount; i++) {
        if (cluster[i] === -1) continue; // unscored: net negative spend
        // Brute force: squared distance to every centroid; the assigned one is (one of) the nearest.
        const distances = model.clusters.map((c) =>
          c.centroidScaled.reduce((s, v, j) => s + (scaled.data[i * d + j]! - v) ** 2, 0),
        );
        expect(distances[cluster[i]!]).toBe(Math.min(...distances));
      }
    }
  });

  it("bins later periods by the saved cut points and matches the saved segment table", () => {
    const { cuts } = artifacts.rfm!;
    // Slow obvious reference: the score is 1 + the number of cuts ≤ the value (recency reversed).
    const score = (v: number, c: number[], reversed: boolean): number => {
      const bin = 1 + c.filter((cut) => cut <= v).length;
      return reversed ? 6 - bin : bin;
    };
    for (const [p, table] of tables.entries()) {
      const { scores, segments } = graded[p]!.rfm!;
      for (let i = 0; i < table.rowCount; i++) {
        expect(scores.recencyScore[i]).toBe(
          score(table.columns.recency_days![i]!, cuts.recency, true),
        );
        expect(scores.frequencyScore[i]).toBe(
          score(table.columns.frequency![i]!, cuts.frequency, false),
        );
        expect(scores.monetaryScore[i]).toBe(
          score(table.columns.monetary![i]!, cuts.monetary, false),
        );
      }
      expect(segments!.segment).toEqual(assignSegments(scores, artifacts.rfm!.segments!).segment);
    }
    // Q4's clients are scored against Q1's cuts, not their own quantiles: the scores differ.
    const q4 = tables[3]!;
    const own = scoreRfm({
      ids: q4.ids,
      recencyDays: q4.columns.recency_days!,
      frequency: q4.columns.frequency!,
      monetary: q4.columns.monetary!,
    });
    expect(graded[3]!.rfm!.scores.rfmScore).not.toEqual(own.rfmScore);
  });

  it("keeps the scorecard's cap component and the tier thresholds fixed across periods", () => {
    for (const [p, table] of tables.entries()) {
      const tiers = graded[p]!.tiers!;
      // frequency is normalised by cap 20, which depends on no period.
      table.columns.frequency!.forEach((f, i) =>
        expect(tiers.components.frequency![i]).toBe(Math.min(f / 20, 1)),
      );
      expect(tiers.tiers.map((t) => t.min)).toEqual([85, 70, 55, 0]);
    }
  });

  it("names every column the artifacts need and the table lacks", () => {
    const table = tableFrom({ recency_days: [1, 2] }, ["a", "b"], "q1.csv");
    expect(() => requireArtifactColumns(table, artifacts)).toThrow(
      msg.missingColumns(
        "q1.csv",
        [
          { artifact: "the model", file: "model.json", missing: ["frequency", "monetary"] },
          { artifact: "the RFM settings", file: "rfm.json", missing: ["frequency", "monetary"] },
          { artifact: "the scorecard", file: "tiers.json", missing: ["frequency", "monetary"] },
        ],
        ["id", "recency_days"],
      ).message,
    );
    expect(() => gradeFrozen({ model: artifacts.model! }, table)).toThrow(
      'q1.csv: no columns "frequency", "monetary": model.json (the model) needs frequency, monetary; the table has: id, recency_days',
    );
    const one = tableFrom({ recency_days: [1], monetary: [3] }, ["a"], "q2.csv");
    expect(() => gradeFrozen({ model: artifacts.model! }, one)).toThrow(
      'q2.csv: no column "frequency", which model.json (the model) needs; the table has: id, recency_days, monetary',
    );
  });
});

describe("freezeScorecard", () => {
  const card: Scorecard = {
    weights: { x: 1 },
    normalization: { x: { method: "percentile", direction: "higher" } },
    assign: "thresholds",
    tiers: [
      { name: "A", min: 50 },
      { name: "B", min: 0 },
    ],
  };
  const ids = ["a", "b", "c", "d"];

  it("interpolates the reference CDF between distinct values (hand-worked)", () => {
    // Values 10, 20, 20, 30: average ranks 1, 2.5, 2.5, 4 → (rank − 1)/3 = 0, 0.5, 0.5, 1.
    const frozen = freezeScorecard(card, { x: [10, 20, 20, 30] }, ids, "ref");
    expect(frozen.normalization.x).toEqual({
      method: "percentile",
      direction: "higher",
      values: [10, 20, 30],
      levels: [0, 0.5, 1],
    });
    // 5 is below every reference value, 35 above; 15 and 25 halfway between knots.
    expect(Array.from(frozenNormalize([5, 10, 15, 20, 25, 35], frozen.normalization.x!))).toEqual([
      0, 0, 0.25, 0.5, 0.75, 1,
    ]);
    const lower = frozenNormalize([15], { ...frozen.normalization.x!, direction: "lower" });
    expect(Array.from(lower)).toEqual([0.75]);
  });

  it("thins the knots evenly and keeps both ends", () => {
    const frozen = freezeScorecard(card, { x: [10, 20, 20, 30] }, ids, "ref", { maxKnots: 2 });
    expect(frozen.normalization.x).toMatchObject({ values: [10, 30], levels: [0, 1] });
    expect(Array.from(frozenNormalize([20], frozen.normalization.x!))).toEqual([0.5]);
  });

  it("freezes min–max to the reference range and clips later values", () => {
    const minmax: Scorecard = {
      ...card,
      normalization: { x: { method: "minmax", direction: "higher" } },
    };
    const frozen = freezeScorecard(minmax, { x: [10, 20, 20, 30] }, ids, "ref");
    expect(frozen.normalization.x).toEqual({
      method: "minmax",
      min: 10,
      max: 30,
      direction: "higher",
    });
    expect(Array.from(frozenNormalize([0, 15, 40], frozen.normalization.x!))).toEqual([0, 0.25, 1]);
  });

  it("turns target shares into the reference's score thresholds, reproducing its tiers", async () => {
    const tables = periodTables(await shippedPeriods("quarter"));
    const shares = shippedScorecard("tiers-shares.yaml");
    const q1 = tables[0]!;
    const frozen = freezeScorecard(shares, q1.columns, q1.ids, q1.source);
    const reference = scoreScorecard(shares, q1.columns, q1.ids);
    const again = scoreFrozenScorecard(frozen, q1.columns, q1.ids);
    expect(again.tier).toEqual(reference.tier);
    expect(frozen.tiers.map((t) => t.min).slice(0, 3)).toEqual(
      reference.tiers.slice(0, 3).map((t) => t.minScore),
    );
    // Later, shares drift away from the targets: the thresholds, not the shares, are kept.
    const q4 = scoreFrozenScorecard(frozen, tables[3]!.columns, tables[3]!.ids);
    expect(q4.tiers.map((t) => t.min)).toEqual(frozen.tiers.map((t) => t.min));
  }, 60_000);

  it("makes an empty share tier unreachable", () => {
    // Four equal scores: the tie group goes wholly to the top tier, the middle tier stays empty.
    const shares: Scorecard = {
      weights: { x: 1 },
      normalization: { x: { method: "cap", cap: 10, direction: "higher" } },
      assign: "shares",
      tiers: [
        { name: "A", share: 0.3 },
        { name: "B", share: 0.3 },
        { name: "C", share: 0.4 },
      ],
    };
    const frozen = freezeScorecard(shares, { x: [5, 5, 5, 5] }, ids, "ref");
    expect(frozen.tiers.map((t) => t.min)).toEqual([50, 50, 0]);
    expect(scoreFrozenScorecard(frozen, { x: [5, 4, 9] }, ["p", "q", "r"]).tier).toEqual([
      "A",
      "C",
      "A",
    ]);
  });
});
