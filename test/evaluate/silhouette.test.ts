import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { silhouetteSamples, silhouetteScore } from "../../src/evaluate/metrics.js";
import { denseMatrix, fromRows, takeRows, type DenseMatrix } from "../../src/shared/matrix.js";
import { Random, sampleIndices } from "../../src/shared/random.js";
import { errorOf } from "../helpers/errors.js";

/** Reference silhouette straight from the definition, with a full n×n loop (tests only). */
function naiveSilhouette(m: DenseMatrix, labels: Int32Array, k: number): number[] {
  const n = m.rows;
  const d = m.cols;
  const dist = (i: number, j: number): number => {
    let s = 0;
    for (let f = 0; f < d; f++) s += (m.data[i * d + f]! - m.data[j * d + f]!) ** 2;
    return Math.sqrt(s);
  };
  const sizes = new Array<number>(k).fill(0);
  for (const c of labels) sizes[c]!++;
  return Array.from({ length: n }, (_, i) => {
    const own = labels[i]!;
    if (sizes[own] === 1) return 0;
    const sums = new Array<number>(k).fill(0);
    for (let j = 0; j < n; j++) sums[labels[j]!]! += dist(i, j);
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++)
      if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[c]! / sizes[c]!);
    return Math.max(a, b) === 0 ? 0 : (b - a) / Math.max(a, b);
  });
}

describe("silhouetteSamples, hand-worked", () => {
  it("four points on a line, clusters {0, 1} and {4, 6}", () => {
    // row 0 (x=0): a = |0−1| = 1; b = (4 + 6)/2 = 5;  s = (5−1)/5 = 0.8
    // row 1 (x=1): a = 1;         b = (3 + 5)/2 = 4;  s = (4−1)/4 = 0.75
    // row 2 (x=4): a = |4−6| = 2; b = (4 + 3)/2 = 3.5; s = 1.5/3.5 = 3/7
    // row 3 (x=6): a = 2;         b = (6 + 5)/2 = 5.5; s = 3.5/5.5 = 7/11
    const s = silhouetteSamples(fromRows([[0], [1], [4], [6]]), Int32Array.from([0, 0, 1, 1]), 2);
    const expected = [0.8, 0.75, 3 / 7, 7 / 11];
    for (let i = 0; i < 4; i++) expect(s[i]).toBeCloseTo(expected[i]!, 15); // |Δ| < 5e-16
    // mean = (0.8 + 0.75 + 3/7 + 7/11)/4 = 0.65357…
    const score = silhouetteScore(fromRows([[0], [1], [4], [6]]), Int32Array.from([0, 0, 1, 1]), 2);
    expect(score.score).toBeCloseTo((0.8 + 0.75 + 3 / 7 + 7 / 11) / 4, 15);
    expect(score).toMatchObject({ sampleSize: 4, exact: true });
  });

  it("a singleton scores 0 and still counts in the mean; 2-D distances", () => {
    // points (0,0), (3,4) in cluster 0 and (0,8) alone in cluster 1
    // row 0: a = 5; b = 8;             s = 3/8 = 0.375
    // row 1: a = 5; b = |(3,−4)| = 5;  s = 0
    // row 2: singleton → 0;  mean = 0.375/3 = 0.125
    const m = fromRows([
      [0, 0],
      [3, 4],
      [0, 8],
    ]);
    const labels = Int32Array.from([0, 0, 1]);
    expect(Array.from(silhouetteSamples(m, labels, 2))).toEqual([0.375, 0, 0]); // exact: 3/8 is representable
    expect(silhouetteScore(m, labels, 2).score).toBe(0.125);
  });

  it("duplicate points in different clusters (a = b = 0) score 0, as sklearn's nan_to_num", () => {
    const s = silhouetteSamples(fromRows([[1], [1], [1], [1]]), Int32Array.from([0, 0, 1, 1]), 2);
    expect(Array.from(s)).toEqual([0, 0, 0, 0]);
  });

  it("empty clusters are skipped: labels {0, 2} with k=3 equal labels {0, 1} with k=2", () => {
    const m = fromRows([[0], [1], [4], [6], [7]]);
    const a = silhouetteSamples(m, Int32Array.from([0, 0, 2, 2, 2]), 3);
    const b = silhouetteSamples(m, Int32Array.from([0, 0, 1, 1, 1]), 2);
    expect(Array.from(a)).toEqual(Array.from(b)); // bitwise: same sums in the same order
  });
});

describe("silhouette properties", () => {
  const case_ = fc
    .record({
      n: fc.integer({ min: 3, max: 25 }),
      d: fc.integer({ min: 1, max: 11 }),
      k: fc.integer({ min: 2, max: 5 }),
    })
    .chain(({ n, d, k }) =>
      fc.record({
        n: fc.constant(n),
        d: fc.constant(d),
        k: fc.constant(k),
        values: fc.array(fc.double({ min: -100, max: 100, noNaN: true }), {
          minLength: n * d,
          maxLength: n * d,
        }),
        labels: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
      }),
    )
    .filter(({ n, labels }) => {
      const used = new Set(labels).size;
      return used >= 2 && used <= n - 1;
    });

  it("every sample lies in [−1, 1] and equals the n×n reference within 1e-12 (widths 1–11: all kernels)", () => {
    fc.assert(
      fc.property(case_, ({ n, d, k, values, labels }) => {
        const m = denseMatrix(Float64Array.from(values), n, d);
        const l = Int32Array.from(labels);
        const s = silhouetteSamples(m, l, k);
        const reference = naiveSilhouette(m, l, k);
        for (let i = 0; i < n; i++) {
          expect(s[i]!).toBeGreaterThanOrEqual(-1);
          expect(s[i]!).toBeLessThanOrEqual(1);
          expect(Math.abs(s[i]! - reference[i]!)).toBeLessThanOrEqual(1e-12);
        }
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it("is invariant under renaming the clusters (bitwise)", () => {
    fc.assert(
      fc.property(case_, ({ n, d, k, values, labels }) => {
        const m = denseMatrix(Float64Array.from(values), n, d);
        const renamed = Int32Array.from(labels, (c) => k - 1 - c);
        expect(Array.from(silhouetteSamples(m, renamed, k))).toEqual(
          Array.from(silhouetteSamples(m, Int32Array.from(labels), k)),
        );
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe("sampled silhouette", () => {
  // 3 well-separated blobs of 400 rows in 2-D
  const rng = new Random(3);
  const n = 1200;
  const data = new Float64Array(n * 2);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    labels[i] = c;
    data[2 * i] = 6 * c + rng.normal();
    data[2 * i + 1] = rng.normal();
  }
  const m = denseMatrix(data, n, 2);

  it("is deterministic for a seed and states its sample size", () => {
    const first = silhouetteScore(m, labels, 3, { sampleSize: 500, rng: new Random(11) });
    const second = silhouetteScore(m, labels, 3, { sampleSize: 500, rng: new Random(11) });
    expect(first).toEqual(second);
    expect(first.sampleSize).toBe(500);
    expect(first.exact).toBe(false);
  });

  it("scores exactly the rows sampleIndices picks", () => {
    const indices = sampleIndices(n, 500, new Random(11));
    const expected = silhouetteSamples(
      takeRows(m, indices),
      Int32Array.from(indices, (i) => labels[i]!),
      3,
    );
    const mean = expected.reduce((s, v) => s + v, 0) / 500;
    expect(silhouetteScore(m, labels, 3, { sampleSize: 500, rng: new Random(11) }).score).toBe(
      mean,
    );
  });

  it("is close to the exact value (within 0.02 on well-separated blobs) and seeds differ", () => {
    const exact = silhouetteScore(m, labels, 3);
    expect(exact).toMatchObject({ sampleSize: 1200, exact: true });
    const a = silhouetteScore(m, labels, 3, { sampleSize: 500, rng: new Random(1) });
    const b = silhouetteScore(m, labels, 3, { sampleSize: 500, rng: new Random(2) });
    expect(Math.abs(a.score - exact.score)).toBeLessThan(0.02);
    expect(a.score).not.toBe(b.score);
  });

  it("is exact up to 10,000 rows by default and samples 10,000 above; sampleSize null is always exact", () => {
    const big = 10_050;
    const bigData = new Float64Array(big);
    const bigLabels = new Int32Array(big);
    for (let i = 0; i < big; i++) {
      bigLabels[i] = i % 2;
      bigData[i] = (i % 2) * 10 + (i % 7);
    }
    const bigM = denseMatrix(bigData, big, 1);
    const sampled = silhouetteScore(bigM, bigLabels, 2);
    expect(sampled).toMatchObject({ sampleSize: 10_000, exact: false });
    const withDefaultSeed = silhouetteScore(bigM, bigLabels, 2, { rng: new Random(0) });
    expect(withDefaultSeed.score).toBe(sampled.score); // the default generator is Random(0)
    const small = denseMatrix(bigData.subarray(0, 10_000), 10_000, 1);
    expect(silhouetteScore(small, bigLabels.subarray(0, 10_000), 2)).toMatchObject({
      sampleSize: 10_000,
      exact: true,
    });
    const exact = silhouetteScore(m, labels, 3, { sampleSize: null });
    expect(exact).toMatchObject({ sampleSize: 1200, exact: true });
  });
});

describe("silhouette errors", () => {
  const m = fromRows([[0], [1], [4], [6]]);

  it("labels of the wrong length", () => {
    const e = errorOf(() => silhouetteSamples(m, Int32Array.from([0, 1, 1]), 2));
    expect(e.code).toBe("labels-length-mismatch");
    expect(e.message).toBe(
      "cluster labels have 3 entries but the matrix has 4 rows; pass one label per row",
    );
  });

  it("a label outside 0..k−1 (row is 1-based)", () => {
    const e = errorOf(() => silhouetteScore(m, Int32Array.from([0, 5, 1, 1]), 2));
    expect(e.message).toBe(
      "row 2 has cluster label 5, outside 0..1 for k=2; labels must be integers from 0 to k-1",
    );
    expect(e.location).toEqual({ row: 2, value: "5" });
    expect(errorOf(() => silhouetteScore(m, Int32Array.from([0, -1, 1, 1]), 2)).code).toBe(
      "label-out-of-range",
    );
  });

  it("k that is not a positive integer", () => {
    expect(errorOf(() => silhouetteSamples(m, Int32Array.from([0, 0, 0, 0]), 0)).message).toBe(
      "k must be a positive integer (got 0)",
    );
  });

  it("one non-empty cluster, or as many clusters as rows", () => {
    expect(errorOf(() => silhouetteSamples(m, Int32Array.from([1, 1, 1, 1]), 2)).message).toBe(
      "Silhouette needs between 2 and 3 non-empty clusters for 4 rows, but the labels form 1; choose k between 2 and rows-1",
    );
    expect(errorOf(() => silhouetteScore(m, Int32Array.from([0, 1, 2, 3]), 4)).message).toBe(
      "Silhouette needs between 2 and 3 non-empty clusters for 4 rows, but the labels form 4; choose k between 2 and rows-1",
    );
  });

  it("a sample size that is not an integer ≥ 2", () => {
    for (const size of [1, 2.5, Number.NaN]) {
      const e = errorOf(() =>
        silhouetteScore(m, Int32Array.from([0, 0, 1, 1]), 2, { sampleSize: size }),
      );
      expect(e.message).toBe(
        `silhouette sample size must be an integer of at least 2 (got ${size}); omit it for the default of 10000`,
      );
    }
  });

  it("a sample that happens to hold one cluster only", () => {
    // 1000 rows of cluster 0 and one row of cluster 1: a 2-row sample almost surely misses it
    const n = 1001;
    const labels = new Int32Array(n);
    labels[n - 1] = 1;
    const big = denseMatrix(
      Float64Array.from({ length: n }, (_, i) => i),
      n,
      1,
    );
    expect(
      errorOf(() => silhouetteScore(big, labels, 2, { sampleSize: 2, rng: new Random(5) })).code,
    ).toBe("invalid-label-count");
  });
});
