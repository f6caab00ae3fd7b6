/**
 * silhouetteScores (several labelings, one pass of distances) against
 * silhouetteScore, which uses the older single-labeling kernel: the scores
 * must agree bit for bit, not within a tolerance, because both add the same
 * distances in the same order (see src/evaluate/silhouette-sums.ts). The
 * tiled kernel works in 128-row tiles with 8-row groups and has separate
 * paths for widths ≤ 4, ≤ 8 and wider, so the properties use up to 300 rows
 * (off-diagonal tiles, partial tiles, partial groups) and 1–11 columns.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { silhouetteScore, silhouetteScores } from "../../src/evaluate/silhouette.js";
import { clusterDistanceSumsMany } from "../../src/evaluate/silhouette-sums.js";
import { denseMatrix, fromRows, type DenseMatrix } from "../../src/shared/matrix.js";
import { Random } from "../../src/shared/random.js";
import {
  loadEdgeCases,
  edgeCase,
  loadReal,
  relativeError,
  scaledMatrix,
} from "./sklearn-fixtures.js";
import { errorOf } from "../helpers/errors.js";

/** Each labeling scored alone by silhouetteScore, with a fresh generator of the given seed. */
function oneByOne(
  m: DenseMatrix,
  labelings: { labels: Int32Array; k: number }[],
  sampleSize: number | null | undefined,
  seed: number,
) {
  return labelings.map(({ labels, k }) =>
    silhouetteScore(m, labels, k, { sampleSize, rng: new Random(seed) }),
  );
}

/**
 * Row i's distance sums straight from the definition, in the order the
 * kernels promise: partners j ascending, each distance the square root of the
 * squared differences summed left to right (tests only).
 */
function referenceSums(m: DenseMatrix, labels: Int32Array, k: number): Float64Array {
  const { rows: n, cols: d, data } = m;
  const sums = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const [lo, hi] = i < j ? [i, j] : [j, i];
      let s = 0;
      for (let f = 0; f < d; f++) {
        const t = data[lo * d + f]! - data[hi * d + f]!;
        s += t * t;
      }
      sums[i * k + labels[j]!]! += Math.sqrt(s);
    }
  }
  return sums;
}

describe("silhouetteScores, hand-worked", () => {
  it("four points on a line, two labelings", () => {
    const m = fromRows([[0], [1], [4], [6]]);
    // {0, 1} | {4, 6}: s = 0.8, 0.75, 3/7, 7/11 (worked in silhouette.test.ts)
    // {0, 1, 4} | {6}:
    //   row 0: a = (1 + 4)/2 = 2.5, b = 6;   s = 3.5/6
    //   row 1: a = (1 + 3)/2 = 2,   b = 5;   s = 3/5
    //   row 2: a = (4 + 3)/2 = 3.5, b = 2;   s = −1.5/3.5 = −3/7
    //   row 3: alone → 0
    const scores = silhouetteScores(m, [
      { labels: Int32Array.from([0, 0, 1, 1]), k: 2 },
      { labels: Int32Array.from([0, 0, 0, 1]), k: 2 },
    ]);
    expect(scores[0]!.score).toBeCloseTo((0.8 + 0.75 + 3 / 7 + 7 / 11) / 4, 15); // |Δ| < 5e-16
    expect(scores[1]!.score).toBeCloseTo((3.5 / 6 + 3 / 5 - 3 / 7 + 0) / 4, 15); // = 0.18869…
    expect(scores.map((s) => [s.sampleSize, s.exact])).toEqual([
      [4, true],
      [4, true],
    ]);
  });

  it("kernel sums: row 0 of the second labeling sees itself (0) in cluster 0 and rows 1, 4 in cluster 1", () => {
    const { sums, offsets } = clusterDistanceSumsMany(fromRows([[0], [1], [4]]), [
      { labels: Int32Array.from([0, 0, 1]), k: 2 },
      { labels: Int32Array.from([0, 1, 1]), k: 2 },
    ]);
    expect(offsets).toEqual([0, 6]);
    // first labeling ({0, 1} | {4}), rows 0..2: [1, 4], [1, 3], [4 + 3, 0];
    // second ({0} | {1, 4}): [0, 1 + 4], [1, 3], [4, 3]
    expect(Array.from(sums)).toEqual([1, 4, 1, 3, 7, 0, 0, 5, 1, 3, 4, 3]); // small integers: exact
  });

  it("no labelings: no scores", () => {
    expect(silhouetteScores(fromRows([[0], [1]]), [])).toEqual([]);
  });
});

describe("silhouetteScores equals silhouetteScore bit for bit", () => {
  for (const name of ["wholesale", "online-retail"] as const) {
    it(`${name}: scikit-learn's nine K-Means labelings (k = 2..10) in one call; still within 5e-14 of sklearn (measured 3.2e-15)`, () => {
      const fixture = loadReal(name);
      const m = scaledMatrix(fixture);
      const labelings = fixture.sweep.map((row) => ({
        labels: Int32Array.from(row.labels),
        k: row.k,
      }));
      const many = silhouetteScores(m, labelings);
      expect(many).toEqual(oneByOne(m, labelings, undefined, 0)); // toEqual on numbers: Object.is, bitwise
      for (let i = 0; i < many.length; i++) {
        expect(many[i]!.exact).toBe(true);
        expect(relativeError(many[i]!.score, fixture.sweep[i]!.silhouette)).toBeLessThanOrEqual(
          5e-14,
        );
      }
    });
  }

  it("scikit-learn edge cases, each with its labels and the same labels renamed, within 1e-14 of sklearn (measured 5.3e-16)", () => {
    for (const c of loadEdgeCases()) {
      const { m, labels, k } = edgeCase(c.name);
      const renamed = Int32Array.from(labels, (l) => k - 1 - l);
      const labelings = [
        { labels, k },
        { labels: renamed, k },
        { labels, k: k + 2 }, // two empty clusters
      ];
      const many = silhouetteScores(m, labelings);
      expect(many).toEqual(oneByOne(m, labelings, undefined, 0));
      expect(relativeError(many[0]!.score, c.silhouette)).toBeLessThanOrEqual(1e-14);
    }
  });

  const labelingsOf = (n: number) =>
    fc.array(
      fc
        .integer({ min: 2, max: 12 })
        .chain((k) =>
          fc.record({
            k: fc.constant(k),
            labels: fc.array(fc.integer({ min: 0, max: k - 1 }), {
              minLength: n,
              maxLength: n,
            }),
          }),
        )
        .filter(({ labels }) => {
          const used = new Set(labels).size;
          return used >= 2 && used <= n - 1;
        })
        .map(({ k, labels }) => ({ k, labels: Int32Array.from(labels) })),
      { minLength: 1, maxLength: 4 },
    );

  const case_ = fc
    .record({
      n: fc.integer({ min: 3, max: 300 }),
      d: fc.integer({ min: 1, max: 11 }),
    })
    .chain(({ n, d }) =>
      fc.record({
        n: fc.constant(n),
        d: fc.constant(d),
        values: fc.array(fc.double({ min: -100, max: 100, noNaN: true }), {
          minLength: n * d,
          maxLength: n * d,
        }),
        labelings: labelingsOf(n),
      }),
    );

  it("property: random rows (3–300 × 1–11) and 1–4 labelings (k 2–12), exact path", () => {
    fc.assert(
      fc.property(case_, ({ n, d, values, labelings }) => {
        const m = denseMatrix(Float64Array.from(values), n, d);
        expect(silhouetteScores(m, labelings)).toEqual(oneByOne(m, labelings, undefined, 0));
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it("property: the kernel's per-row, per-cluster sums equal the ascending-order reference bit for bit", () => {
    fc.assert(
      fc.property(case_, ({ n, d, values, labelings }) => {
        const m = denseMatrix(Float64Array.from(values), n, d);
        const { sums, offsets } = clusterDistanceSumsMany(m, labelings);
        labelings.forEach(({ labels, k }, l) => {
          const ours = sums.subarray(offsets[l]!, offsets[l]! + n * k);
          expect(Array.from(ours)).toEqual(Array.from(referenceSums(m, labels, k)));
        });
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});

describe("silhouetteScores on a sample", () => {
  // 3 blobs of 500 rows in 3-D (row i in blob i mod 3); the true labels for k = 3, mixed ones for 2 and 5
  const rng = new Random(3);
  const n = 1500;
  const data = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    data[3 * i] = 6 * (i % 3) + rng.normal();
    data[3 * i + 1] = rng.normal();
    data[3 * i + 2] = rng.normal();
  }
  const m = denseMatrix(data, n, 3);
  const labelings = [2, 3, 5].map((k) => ({
    k,
    labels: Int32Array.from({ length: n }, (_, i) => (k === 3 ? i % 3 : (i * 7 + (i % 3)) % k)),
  }));

  it("draws the sample silhouetteScore draws and scores every labeling on it, bit for bit", () => {
    for (const seed of [1, 2, 11]) {
      const many = silhouetteScores(m, labelings, { sampleSize: 700, rng: new Random(seed) });
      expect(many).toEqual(oneByOne(m, labelings, 700, seed));
      expect(many.every((s) => s.sampleSize === 700 && !s.exact)).toBe(true);
    }
  });

  it("consumes the generator exactly as one silhouetteScore call does", () => {
    const a = new Random(5);
    const b = new Random(5);
    silhouetteScores(m, labelings, { sampleSize: 700, rng: a });
    silhouetteScore(m, labelings[0]!.labels, labelings[0]!.k, { sampleSize: 700, rng: b });
    expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it("uses Random(0) by default, samples 10,000 rows by default and is exact with sampleSize null", () => {
    expect(silhouetteScores(m, labelings, { sampleSize: 700 })).toEqual(
      silhouetteScores(m, labelings, { sampleSize: 700, rng: new Random(0) }),
    );
    expect(silhouetteScores(m, labelings.slice(0, 1), { sampleSize: null })[0]).toMatchObject({
      sampleSize: n,
      exact: true,
    });
    expect(silhouetteScores(m, labelings.slice(0, 1))[0]).toMatchObject({
      sampleSize: n,
      exact: true,
    });
  });
});

describe("silhouetteScores errors: the first failing labeling, with silhouetteScore's message", () => {
  const m = fromRows([[0], [1], [4], [6]]);
  const good = { labels: Int32Array.from([0, 0, 1, 1]), k: 2 };
  const short = { labels: Int32Array.from([0, 1, 1]), k: 2 };
  const outOfRange = { labels: Int32Array.from([0, 5, 1, 1]), k: 2 };

  it("labelings are checked in order", () => {
    const e = errorOf(() => silhouetteScores(m, [good, short, outOfRange]));
    expect(e.code).toBe("labels-length-mismatch");
    expect(e.message).toBe(errorOf(() => silhouetteScore(m, short.labels, short.k)).message);
    expect(errorOf(() => silhouetteScores(m, [good, outOfRange, short])).message).toBe(
      "row 2 has cluster label 5, outside 0..1 for k=2; labels must be integers from 0 to k-1",
    );
  });

  it("k that is not a positive integer, and one non-empty cluster", () => {
    expect(errorOf(() => silhouetteScores(m, [{ labels: good.labels, k: 0 }])).message).toBe(
      "k must be a positive integer (got 0)",
    );
    expect(
      errorOf(() => silhouetteScores(m, [good, { labels: Int32Array.from([1, 1, 1, 1]), k: 2 }]))
        .message,
    ).toBe(
      "Silhouette needs between 2 and 3 non-empty clusters for 4 rows, but the labels form 1; choose k between 2 and rows-1",
    );
  });

  it("a bad sample size is reported before any labeling, even with none", () => {
    for (const labelings of [[good], [short], []]) {
      expect(errorOf(() => silhouetteScores(m, labelings, { sampleSize: 1 })).message).toBe(
        "silhouette sample size must be an integer of at least 2 (got 1); omit it for the default of 10000",
      );
    }
  });

  it("a sample that holds one cluster only fails as in silhouetteScore; a labeling failing on all rows draws no sample", () => {
    // 1000 rows of cluster 0 and one of cluster 1: a 2-row sample almost surely misses it
    const n = 1001;
    const big = denseMatrix(
      Float64Array.from({ length: n }, (_, i) => i),
      n,
      1,
    );
    const rare = new Int32Array(n);
    rare[n - 1] = 1;
    const even = Int32Array.from({ length: n }, (_, i) => i % 2);
    const options = () => ({ sampleSize: 2, rng: new Random(5) });
    const single = errorOf(() => silhouetteScore(big, rare, 2, options()));
    expect(single.code).toBe("invalid-label-count");
    expect(errorOf(() => silhouetteScores(big, [{ labels: rare, k: 2 }], options())).message).toBe(
      single.message,
    );
    // each labeling is checked on all rows and then on the sample before the next one:
    // the sample check of `rare` fails before the length check of the second labeling
    expect(
      errorOf(() =>
        silhouetteScores(
          big,
          [
            { labels: rare, k: 2 },
            { labels: even.subarray(1), k: 2 },
          ],
          options(),
        ),
      ).code,
    ).toBe("invalid-label-count");
    const rng = new Random(9);
    errorOf(() =>
      silhouetteScores(big, [{ labels: even.subarray(1), k: 2 }], { sampleSize: 2, rng }),
    );
    expect(rng.nextUint32()).toBe(new Random(9).nextUint32()); // no sample was drawn
  });
});
