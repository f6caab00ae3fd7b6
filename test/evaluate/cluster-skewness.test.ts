import fc from "fast-check";
import { sampleSkewness } from "simple-statistics";
import { describe, expect, it } from "vitest";
import {
  meanAbsoluteSkewness,
  meanAbsoluteSkewnessOfSums,
} from "../../src/evaluate/cluster-skewness.js";
import { fromRows } from "../../src/shared/matrix.js";

describe("meanAbsoluteSkewness", () => {
  it("one cluster 0, 0, 0, 3 about its mean ¾: g₁ = 2/√3 (worked by hand)", () => {
    // deviations −¾ ×3, 9⁄4: m₂ = (3·9⁄16 + 81⁄16)/4 = 27⁄16, m₃ = (−3·27⁄64 + 729⁄64)/4 = 81⁄32
    const m = fromRows([[0], [0], [0], [3]]);
    const g1 = meanAbsoluteSkewness(m, Int32Array.of(0, 0, 0, 0), 1, Float64Array.of(0.75));
    expect(g1).toBeCloseTo(2 / Math.sqrt(3), 12);
    // the same from its sums: Σt² = 27⁄4, Σt³ = 81⁄8
    expect(meanAbsoluteSkewnessOfSums([4], [27 / 4], [81 / 8], 1)).toBeCloseTo(
      2 / Math.sqrt(3),
      12,
    );
  });

  it("symmetric clusters score 0; a mirrored cluster scores as the original (absolute value)", () => {
    const m = fromRows([[-1], [0], [1], [9], [10], [11]]);
    const labels = Int32Array.of(0, 0, 0, 1, 1, 1);
    expect(meanAbsoluteSkewness(m, labels, 2, Float64Array.of(0, 10))).toBeCloseTo(0, 12);
    const right = fromRows([[0], [0], [0], [3]]);
    const left = fromRows([[0], [0], [0], [-3]]);
    const one = Int32Array.of(0, 0, 0, 0);
    expect(meanAbsoluteSkewness(left, one, 1, Float64Array.of(-0.75))).toBeCloseTo(
      meanAbsoluteSkewness(right, one, 1, Float64Array.of(0.75)),
      12,
    );
  });

  it("leaves out clusters of fewer than three rows and features without spread; NaN when nothing is left", () => {
    const m = fromRows([
      [0, 5],
      [0, 5],
      [0, 5],
      [3, 5],
      [100, 1],
      [101, 1],
    ]);
    const labels = Int32Array.of(0, 0, 0, 0, 1, 1);
    const centroids = Float64Array.of(0.75, 5, 100.5, 1);
    // cluster 1 has two rows; column 2 has no spread in cluster 0
    expect(meanAbsoluteSkewness(m, labels, 2, centroids)).toBeCloseTo(2 / Math.sqrt(3), 12);
    expect(
      meanAbsoluteSkewness(fromRows([[1], [2]]), Int32Array.of(0, 0), 1, Float64Array.of(1.5)),
    ).toBeNaN();
  });

  it("property: with centroids at the cluster means it is the size-weighted mean of simple-statistics' biased skewness", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        // eighths in [−50, 50]: exact in binary, and no underflowing moments
        fc.array(
          fc.integer({ min: -400, max: 400 }).map((v) => v / 8),
          { minLength: 40, maxLength: 120 },
        ),
        (k, d, values) => {
          const n = Math.floor(values.length / d);
          const rows = Array.from({ length: n }, (_, i) => values.slice(i * d, i * d + d));
          const labels = Int32Array.from(rows, (_, i) => i % k);
          const centroids = new Float64Array(k * d);
          const members = Array.from({ length: k }, (_, j) => rows.filter((_, i) => i % k === j));
          members.forEach((cluster, j) => {
            for (let f = 0; f < d; f++)
              centroids[j * d + f] = cluster.reduce((a, r) => a + r[f]!, 0) / cluster.length;
          });
          let weighted = 0;
          let weight = 0;
          for (const cluster of members) {
            if (cluster.length < 3) continue;
            const perFeature = Array.from({ length: d }, (_, f) => cluster.map((r) => r[f]!))
              .filter((column) => new Set(column).size > 1)
              .map((column) => Math.abs(sampleSkewness(column, true)));
            if (perFeature.length === 0) continue;
            weighted +=
              (cluster.length * perFeature.reduce((a, b) => a + b, 0)) / perFeature.length;
            weight += cluster.length;
          }
          const expected = weight > 0 ? weighted / weight : Number.NaN;
          const got = meanAbsoluteSkewness(fromRows(rows), labels, k, centroids);
          if (Number.isNaN(expected)) return Number.isNaN(got);
          return Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
        },
      ),
      { numRuns: 200, seed: 13 },
    );
  });
});
