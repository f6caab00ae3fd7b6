import { describe, expect, it } from "vitest";
import { gradeDrift, gradeTable, RowStatus, type SegworkModel } from "../../src/grade/index.js";
import { SegworkError } from "../../src/shared/errors.js";
import { tableFrom } from "../helpers/table.js";
import { handModel } from "./hand-model.js";

/**
 * Features a (as is) and b (log1p); z = ((a − 10) / 2, (log1p(b) − 1) / 0.5);
 * centroids c0 = (0, 0) and c1 = (2, 1); fit shares 0.75 and 0.25.
 */
function model(method: SegworkModel["scaler"]["method"] = "zscore"): SegworkModel {
  const m = handModel(
    [
      [0, 0],
      [2, 1],
    ],
    { method, log: ["b"], center: [10, 1], scale: [2, 0.5] },
    ["low", "high"],
    ["a", "b"],
  );
  m.clusters[0]!.share = 0.75;
  m.clusters[1]!.share = 0.25;
  return m;
}

// Rows (log1p(b) in brackets):
//  1: a 10, b e−1 [1]        → z (0, 0)     d² 0 | 5      → 0, distance 0
//  2: a 14, b e^1.5−1 [1.5]  → z (2, 1)     d² 5 | 0      → 1, distance 0
//  3: a missing              → not scored
//  4: a "abc"                → not scored
//  5: b −2: log1p undefined  → not scored
//  6: a 12, b e−1 [1]        → z (1, 0)     d² 1 | 2      → 0, distance 1
//  7: a 13, b e^1.25−1 [1.25]→ z (1.5, 0.5) d² 2.5 | 0.5  → 1, distance √0.5
//  8: a missing and b −2     → not scored (missing outranks log)
const table = tableFrom({
  a: [10, 14, null, "abc", 10, 12, 13, null],
  b: [Math.E - 1, Math.expm1(1.5), 1, 1, -2, Math.E - 1, Math.expm1(1.25), -2],
});

describe("gradeTable", () => {
  const result = gradeTable(model(), table, "m.json");

  it("assigns the nearest centroid with the saved scaler (hand-worked)", () => {
    expect(Array.from(result.cluster)).toEqual([0, 1, -1, -1, -1, 0, 1, -1]);
    expect(result.label).toEqual(["low", "high", null, null, null, "low", "high", null]);
    const expected = [0, 0, NaN, NaN, NaN, 1, Math.SQRT1_2, NaN];
    // log1p(expm1(t)) may be off t by an ulp, so distances to 1e-12.
    result.distance.forEach((v, i) => {
      if (Number.isNaN(expected[i]!)) expect(v).toBeNaN();
      else expect(v).toBeCloseTo(expected[i]!, 12);
    });
    expect(Array.from(result.status)).toEqual([
      RowStatus.scored,
      RowStatus.scored,
      RowStatus.missingOrNonNumeric,
      RowStatus.missingOrNonNumeric,
      RowStatus.logInvalid,
      RowStatus.scored,
      RowStatus.scored,
      RowStatus.missingOrNonNumeric,
    ]);
    expect(result.ids).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
  });

  it("counts unscored rows by reason and names the first few", () => {
    expect(result.counts).toEqual({
      rows: 8,
      scored: 4,
      unscored: 4,
      unscoredMissingOrNonNumeric: 3,
      unscoredLogInvalid: 1,
      features: [
        { feature: "a", missing: 2, nonNumeric: 1, logInvalid: 0 },
        { feature: "b", missing: 0, nonNumeric: 0, logInvalid: 2 },
      ],
      examples: [
        { id: "3", line: 4, feature: "a", reason: "missing or non-numeric" },
        { id: "4", line: 5, feature: "a", reason: "missing or non-numeric" },
        { id: "5", line: 6, feature: "b", reason: "log1p undefined" },
        { id: "8", line: 9, feature: "a", reason: "missing or non-numeric" },
      ],
    });
  });

  it("keeps at most five examples", () => {
    const many = tableFrom({ a: new Array<null>(9).fill(null), b: new Array<number>(9).fill(1) });
    const r = gradeTable(model(), many);
    expect(r.counts.examples.map((e) => e.id)).toEqual(["1", "2", "3", "4", "5"]);
    expect(r.counts.unscored).toBe(9);
  });

  it("scores nothing without error when no row is scorable", () => {
    const r = gradeTable(model(), tableFrom({ a: [null], b: [1] }));
    expect(r.counts.scored).toBe(0);
    expect(Array.from(r.cluster)).toEqual([-1]);
  });

  it("names the missing feature, the table and the model", () => {
    let error: unknown;
    try {
      gradeTable(model(), tableFrom({ a: [1], c: [2] }, undefined, "later.csv"), "m.json");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SegworkError);
    expect((error as SegworkError).message).toBe(
      'later.csv: no column named "b", which the model m.json needs (its features: a, b); rename the column or score with a model fitted on these columns',
    );
  });

  it("validates the model first", () => {
    const broken = { ...model(), formatVersion: 3 } as unknown as SegworkModel;
    expect(() => gradeTable(broken, table, "old.json")).toThrow(
      'old.json: model format version 3 is not supported (key "formatVersion"; this segwork reads version 1); refit with "segwork cluster"',
    );
  });
});

describe("gradeDrift", () => {
  it("compares z-score statistics of the scored rows with the saved scaler (hand-worked)", () => {
    const m = model();
    const drift = gradeDrift(m, table, gradeTable(m, table));
    // Scored rows 1, 2, 6, 7. a = 10, 14, 12, 13: mean 12.25; deviations
    // −2.25, 1.75, −0.25, 0.75 → population variance 8.75 / 4 = 2.1875.
    const a = drift.features[0]!;
    expect(a.feature).toBe("a");
    expect(a.transform).toBe("none");
    expect(a.model).toEqual({ center: 10, scale: 2 });
    expect(a.now.mean).toBeCloseTo(12.25, 12);
    expect(a.now.sd).toBeCloseTo(Math.sqrt(2.1875), 12);
    expect(a.now.center).toBeCloseTo(12.25, 12);
    expect(a.centerShift).toBeCloseTo((12.25 - 10) / 2, 12);
    expect(a.scaleRatio).toBeCloseTo(Math.sqrt(2.1875) / 2, 12);
    // log1p(b) = 1, 1.5, 1, 1.25: mean 1.1875; squared deviations sum 0.171875 → variance 0.04296875.
    const b = drift.features[1]!;
    expect(b.transform).toBe("log1p");
    expect(b.now.mean).toBeCloseTo(1.1875, 12);
    expect(b.now.sd).toBeCloseTo(Math.sqrt(0.04296875), 12);
    expect(b.centerShift).toBeCloseTo((1.1875 - 1) / 0.5, 12);
    // Two of four scored rows in each cluster: 0.5 now vs 0.75 and 0.25 at fit.
    expect(drift.clusters).toEqual([
      { cluster: 0, label: "low", fitShare: 0.75, nowCount: 2, nowShare: 0.5, change: -0.25 },
      { cluster: 1, label: "high", fitShare: 0.25, nowCount: 2, nowShare: 0.5, change: 0.25 },
    ]);
  });

  it("uses median and IQR for a robust model, min and range for min-max", () => {
    // a sorted 10, 12, 13, 14: type-7 median 12.5, q25 = 10 + 0.75·2 = 11.5, q75 = 13 + 0.25·1 = 13.25.
    const robust = model("robust");
    const r = gradeDrift(robust, table, gradeTable(robust, table)).features[0]!;
    expect(r.now.center).toBe(12.5);
    expect(r.now.scale).toBe(1.75);
    expect(r.centerShift).toBe((12.5 - 10) / 2);
    const minmax = model("minmax");
    const mm = gradeDrift(minmax, table, gradeTable(minmax, table)).features[0]!;
    expect([mm.now.center, mm.now.scale]).toEqual([10, 4]);
    const none = model("none");
    const nd = gradeDrift(none, table, gradeTable(none, table)).features[0]!;
    expect([nd.now.center, nd.now.scale, nd.centerShift, nd.scaleRatio]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it("measures clipped values (clip bounds from the model)", () => {
    const m = model();
    m.scaler.clip = { lower: [11, 0], upper: [13, 100] };
    // b's lower bound 0 lifts row 5's b = −2 to 0 (log1p 0), so rows 1, 2, 5, 6, 7 are scored;
    // their a = 10, 14, 10, 12, 13 clip to 11, 13, 11, 12, 13: mean 12, variance (1+1+1+0+1)/5 = 0.8.
    const result = gradeTable(m, table);
    expect(result.counts.scored).toBe(5);
    const a = gradeDrift(m, table, result).features[0]!;
    expect(a.transform).toBe("clip");
    expect(a.now.mean).toBeCloseTo(12, 12);
    expect(a.now.sd).toBeCloseTo(Math.sqrt(0.8), 12);
  });
});
