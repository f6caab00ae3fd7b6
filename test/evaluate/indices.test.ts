import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calinskiHarabasz, daviesBouldin } from "../../src/evaluate/metrics.js";
import { denseMatrix, fromRows } from "../../src/shared/matrix.js";
import { errorOf } from "../helpers/errors.js";

const line = fromRows([[0], [2], [10], [12]]);
const two = Int32Array.from([0, 0, 1, 1]);

describe("Calinski–Harabasz, hand-worked", () => {
  it("1-D points 0, 2 | 10, 12", () => {
    // grand mean 6; cluster means 1 and 11
    // B = 2·(1−6)² + 2·(11−6)² = 100;  W = 1 + 1 + 1 + 1 = 4
    // CH = (B / (q−1)) / (W / (n−q)) = (100/1) / (4/2) = 50
    expect(calinskiHarabasz(line, two, 2)).toBe(50); // exact in binary
  });

  it("three 2-D clusters of unequal size", () => {
    // A = {(0,0), (2,0)} mean (1,0); B = {(10,0), (10,2), (10,4)} mean (10,2); C = {(0,10)} mean (0,10)
    // grand mean = ((0+2+10+10+10+0)/6, (0+0+0+2+4+10)/6) = (16/3, 8/3)
    // B = 2·[(1−16/3)² + (8/3)²] + 3·[(14/3)² + (2/3)²] + 1·[(16/3)² + (22/3)²]
    //   = 2·(169+64)/9 + 3·(196+4)/9 + (256+484)/9 = (466 + 600 + 740)/9 = 1806/9
    // W = (1 + 1) + (4 + 0 + 4) + 0 = 10
    // CH = (1806/9 / 2) / (10 / 3) = 1806·3 / (9·2·10) = 30.1
    const m = fromRows([
      [0, 0],
      [2, 0],
      [10, 0],
      [10, 2],
      [10, 4],
      [0, 10],
    ]);
    expect(calinskiHarabasz(m, Int32Array.from([0, 0, 1, 1, 1, 2]), 3)).toBeCloseTo(30.1, 12); // |Δ| < 5e-13
  });

  it("is 1.0 when every row sits on its centroid (sklearn's convention)", () => {
    expect(calinskiHarabasz(fromRows([[1], [1], [5], [5]]), two, 2)).toBe(1);
  });

  it("is 0 when all cluster means coincide with the grand mean", () => {
    // clusters {−1, 1} and {−2, 2}: both means 0, so B = 0 and CH = 0
    expect(calinskiHarabasz(fromRows([[-1], [1], [-2], [2]]), two, 2)).toBe(0);
  });

  it("is exact on large offsets (Welford: no Σx² − nμ² cancellation)", () => {
    // same as the 0, 2 | 10, 12 case shifted by 1e9: CH must still be 50, to the bit
    // (every value is an integer below 2^53, so Welford's updates are exact here).
    expect(calinskiHarabasz(fromRows([[1e9], [1e9 + 2], [1e9 + 10], [1e9 + 12]]), two, 2)).toBe(50);
  });
});

describe("Davies–Bouldin, hand-worked", () => {
  it("1-D points 0, 2 | 10, 12", () => {
    // s_0 = s_1 = 1; centroid distance 10; DB = mean(2/10, 2/10) = 0.2
    expect(daviesBouldin(line, two, 2)).toBeCloseTo(0.2, 15);
  });

  it("three clusters: each cluster's worst partner", () => {
    // 1-D: A = {0, 2} (μ 1, s 1), B = {5, 7} (μ 6, s 1), C = {20} (μ 20, s 0)
    // R_AB = 2/5, R_AC = 1/19, R_BC = 1/14
    // D_A = 2/5, D_B = 2/5, D_C = max(1/19, 1/14) = 1/14
    // DB = (0.4 + 0.4 + 1/14) / 3
    const m = fromRows([[0], [2], [5], [7], [20]]);
    expect(daviesBouldin(m, Int32Array.from([0, 0, 1, 1, 2]), 3)).toBeCloseTo(
      (0.8 + 1 / 14) / 3,
      15,
    );
  });

  it("is 0 when all centroids coincide, and a coincident pair is left out of the maximum", () => {
    // {(−1,0),(1,0)} and {(0,−1),(0,1)}: both centroids at the origin → 0
    const square = fromRows([
      [-1, 0],
      [1, 0],
      [0, -1],
      [0, 1],
    ]);
    expect(daviesBouldin(square, two, 2)).toBe(0);
    // add C = {(5,5),(6,5)}, μ (5.5, 5), s 0.5; s_A = s_B = 1; ‖μ_A − μ_C‖ = √(30.25+25) = √55.25
    // pair A–B (distance 0) is ignored: D_A = D_B = 1.5/√55.25, D_C = 1.5/√55.25 → DB = 1.5/√55.25
    const withThird = fromRows([
      [-1, 0],
      [1, 0],
      [0, -1],
      [0, 1],
      [5, 5],
      [6, 5],
    ]);
    expect(daviesBouldin(withThird, Int32Array.from([0, 0, 1, 1, 2, 2]), 3)).toBeCloseTo(
      1.5 / Math.sqrt(55.25),
      15,
    );
  });

  it("is 0 when every cluster has zero spread", () => {
    expect(daviesBouldin(fromRows([[1], [1], [5], [5]]), two, 2)).toBe(0);
  });
});

describe("index properties", () => {
  const case_ = fc
    .record({
      n: fc.integer({ min: 3, max: 30 }),
      d: fc.integer({ min: 1, max: 5 }),
      k: fc.integer({ min: 2, max: 5 }),
    })
    .chain(({ n, d, k }) =>
      fc.record({
        n: fc.constant(n),
        d: fc.constant(d),
        k: fc.constant(k),
        // Integer coordinates: equal centroids then come out bitwise equal whatever the row
        // order, so Davies–Bouldin's exact-zero rule for coincident centroids (sklearn's) is
        // not hit by rounding. With arbitrary doubles two centroids 1e-7 apart make DB
        // ill-conditioned (a ratio of ~1e7 whose last digits depend on summation order).
        values: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n * d, maxLength: n * d }),
        labels: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
        permutation: fc.shuffledSubarray(
          Array.from({ length: k }, (_, i) => i),
          { minLength: k, maxLength: k },
        ),
      }),
    )
    .filter(({ n, labels }) => {
      const used = new Set(labels).size;
      return used >= 2 && used <= n - 1;
    });

  const close = (a: number, b: number): boolean =>
    Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

  it("CH and DB are invariant under permuting the label names (1e-9 relative)", () => {
    fc.assert(
      fc.property(case_, ({ n, d, k, values, labels, permutation }) => {
        const m = denseMatrix(Float64Array.from(values), n, d);
        const original = Int32Array.from(labels);
        const renamed = Int32Array.from(labels, (c) => permutation[c]!);
        expect(close(calinskiHarabasz(m, renamed, k), calinskiHarabasz(m, original, k))).toBe(true);
        expect(close(daviesBouldin(m, renamed, k), daviesBouldin(m, original, k))).toBe(true);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it("CH and DB are invariant under reordering the rows (1e-9 relative) and never negative", () => {
    fc.assert(
      fc.property(case_, ({ n, d, k, values, labels }) => {
        const m = denseMatrix(Float64Array.from(values), n, d);
        const order = Array.from({ length: n }, (_, i) => n - 1 - i);
        const reversed = denseMatrix(
          Float64Array.from(order.flatMap((i) => values.slice(i * d, i * d + d))),
          n,
          d,
        );
        const l = Int32Array.from(labels);
        const lr = Int32Array.from(order, (i) => labels[i]!);
        const ch = calinskiHarabasz(m, l, k);
        const db = daviesBouldin(m, l, k);
        expect(close(calinskiHarabasz(reversed, lr, k), ch)).toBe(true);
        expect(close(daviesBouldin(reversed, lr, k), db)).toBe(true);
        expect(ch).toBeGreaterThanOrEqual(0);
        expect(db).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});

describe("index errors", () => {
  for (const [name, index] of [
    ["Calinski–Harabasz", calinskiHarabasz],
    ["Davies–Bouldin", daviesBouldin],
  ] as const) {
    it(`${name}: wrong label count, label out of range, bad k, 1 or n clusters`, () => {
      expect(errorOf(() => index(line, Int32Array.from([0, 1]), 2)).message).toBe(
        "cluster labels have 2 entries but the matrix has 4 rows; pass one label per row",
      );
      expect(errorOf(() => index(line, Int32Array.from([0, 0, 1, 2]), 2)).message).toBe(
        "row 4 has cluster label 2, outside 0..1 for k=2; labels must be integers from 0 to k-1",
      );
      expect(errorOf(() => index(line, two, 1.5)).message).toBe(
        "k must be a positive integer (got 1.5)",
      );
      expect(errorOf(() => index(line, Int32Array.from([0, 0, 0, 0]), 2)).message).toBe(
        `${name} needs between 2 and 3 non-empty clusters for 4 rows, but the labels form 1; choose k between 2 and rows-1`,
      );
      expect(errorOf(() => index(line, Int32Array.from([3, 2, 1, 0]), 4)).code).toBe(
        "invalid-label-count",
      );
    });
  }
});
