import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { pca2, samplePcaPoints } from "../../src/evaluate/pca.js";
import { fromRows } from "../../src/shared/matrix.js";
import type { DenseMatrix } from "../../src/shared/matrix.js";
import { Random, sampleIndices } from "../../src/shared/random.js";

const SQRT1_2 = Math.SQRT1_2;

describe("pca2 on a hand-worked 2-D case", () => {
  // Rows (-2,-2), (2,2), (-1,1), (1,-1); mean (0,0).
  // Sums: Σx² = 4+4+1+1 = 10, Σy² = 10, Σxy = 4+4-1-1 = 6; with n−1 = 3:
  // cov = [[10/3, 2], [2, 10/3]] → eigenvalues 10/3 ± 2 = 16/3 and 4/3, total 20/3,
  // explained = (16/3)/(20/3) = 0.8 and 0.2; eigenvectors (1,1)/√2 and (1,−1)/√2
  // (the tie in |loading| goes to the first entry, made positive).
  const m = fromRows([
    [-2, -2],
    [2, 2],
    [-1, 1],
    [1, -1],
  ]);
  const pca = pca2(m);

  it("explains 80% and 20% of the variance (1e-12)", () => {
    expect(pca.explained[0]).toBeCloseTo(0.8, 12);
    expect(pca.explained[1]).toBeCloseTo(0.2, 12);
  });

  it("finds the diagonals as components, largest loading positive (1e-12)", () => {
    const [pc1, pc2] = pca.components as [number[], number[]];
    expect(pc1[0]).toBeCloseTo(SQRT1_2, 12);
    expect(pc1[1]).toBeCloseTo(SQRT1_2, 12);
    expect(pc2[0]).toBeCloseTo(SQRT1_2, 12);
    expect(pc2[1]).toBeCloseTo(-SQRT1_2, 12);
  });

  it("projects (2,2) to (2√2, 0) and (-1,1) to (0, -√2) (1e-12)", () => {
    const projected = pca.project(
      fromRows([
        [2, 2],
        [-1, 1],
      ]),
    );
    expect(projected.rows).toBe(2);
    expect(projected.cols).toBe(2);
    expect(projected.data[0]).toBeCloseTo(2 * Math.SQRT2, 12);
    expect(projected.data[1]).toBeCloseTo(0, 12);
    expect(projected.data[2]).toBeCloseTo(0, 12);
    expect(projected.data[3]).toBeCloseTo(-Math.SQRT2, 12);
  });

  it("refuses to project rows with another number of columns", () => {
    expect(() => pca.project(fromRows([[1, 2, 3]]))).toThrow("PCA was fitted on 2 columns, got 3");
  });
});

describe("pca2 edge cases", () => {
  it("gives a zero PC2 that explains nothing for one column", () => {
    // One column 1,2,3: variance is all along PC1 = [1].
    const pca = pca2(fromRows([[1], [2], [3]]));
    expect(pca.explained).toEqual([1, 0]);
    expect(pca.components).toEqual([[1], [0]]);
    // (3 − mean 2) · 1 = 1 on PC1, 0 on PC2.
    expect(Array.from(pca.project(fromRows([[3]])).data)).toEqual([1, 0]);
  });

  it("explains nothing when every row is the same (no NaN)", () => {
    const pca = pca2(
      fromRows([
        [5, 5],
        [5, 5],
      ]),
    );
    expect(pca.explained).toEqual([0, 0]);
    for (const component of pca.components)
      for (const value of component) expect(Number.isFinite(value)).toBe(true);
  });

  it("rejects empty input and a sample without an rng", () => {
    expect(() => pca2({ data: new Float64Array(0), rows: 0, cols: 2 })).toThrow(
      "PCA needs at least one row and one column, got 0×2",
    );
    expect(() =>
      pca2(
        fromRows([
          [1, 2],
          [3, 4],
          [5, 7],
        ]),
        { sampleSize: 2 },
      ),
    ).toThrow("PCA on a sample needs an rng (pass options.rng)");
    expect(() => pca2(fromRows([[1, 2]]), { sampleSize: 0 })).toThrow(
      "PCA sampleSize must be at least 1, got 0",
    );
  });
});

interface SklearnFixture {
  data: number[][];
  explained_variance_ratio: [number, number];
  components: number[][];
  mean: number[];
  projected_first_10: number[][];
}

describe("pca2 agrees with scikit-learn PCA (fixture from fixtures/make_pca_fixture.py)", () => {
  const fixture = JSON.parse(
    readFileSync(new URL("./fixtures/pca-sklearn.json", import.meta.url), "utf8"),
  ) as SklearnFixture;
  const pca = pca2(fromRows(fixture.data));
  // sklearn's sign convention differs (svd_flip); align each sklearn component to ours by its largest loading.
  const signs = fixture.components.map((component) => {
    const lead = component.reduce(
      (best, value) => (Math.abs(value) > Math.abs(best) ? value : best),
      0,
    );
    return lead < 0 ? -1 : 1;
  });

  // Tolerances: about 10 × the gap measured against scikit-learn 1.2.1 (in comments).
  const gap = (a: number, b: number): number => Math.abs(a - b);

  it("has the same explained variance ratios (3e-15; measured 2.5e-16)", () => {
    expect(gap(pca.explained[0]!, fixture.explained_variance_ratio[0])).toBeLessThanOrEqual(3e-15);
    expect(gap(pca.explained[1]!, fixture.explained_variance_ratio[1])).toBeLessThanOrEqual(3e-15);
  });

  it("has the same components up to sign, largest loading positive (7e-15; measured 6.9e-16)", () => {
    for (let c = 0; c < 2; c++) {
      fixture.components[c]!.forEach((value, j) =>
        expect(gap(pca.components[c]![j]!, signs[c]! * value)).toBeLessThanOrEqual(7e-15),
      );
    }
  });

  it("has the same mean (exactly: measured 0) and projection of the first rows (5e-14; measured 5.3e-15 on values up to 18)", () => {
    fixture.mean.forEach((value, j) => expect(pca.mean[j]).toBe(value));
    const projected = pca.project(fromRows(fixture.data.slice(0, 10)));
    fixture.projected_first_10.forEach((row, i) => {
      expect(gap(projected.data[2 * i]!, signs[0]! * row[0]!)).toBeLessThanOrEqual(5e-14);
      expect(gap(projected.data[2 * i + 1]!, signs[1]! * row[1]!)).toBeLessThanOrEqual(5e-14);
    });
  });
});

function matrixArbitrary(): fc.Arbitrary<DenseMatrix> {
  return fc
    .record({ rows: fc.integer({ min: 3, max: 40 }), cols: fc.integer({ min: 2, max: 6 }) })
    .chain(({ rows, cols }) =>
      fc
        .array(fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }), {
          minLength: rows * cols,
          maxLength: rows * cols,
        })
        .map((values) => ({ data: Float64Array.from(values), rows, cols })),
    );
}

function variance(values: Float64Array, offset: number): number {
  const n = values.length / 2;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[2 * i + offset]! / n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (values[2 * i + offset]! - mean) ** 2;
  return sum / Math.max(1, n - 1);
}

describe("pca2 properties", () => {
  it("components are orthonormal (1e-10) and PC1 variance ≥ PC2 variance", () => {
    fc.assert(
      fc.property(matrixArbitrary(), (m) => {
        const pca = pca2(m);
        const [pc1, pc2] = pca.components as [number[], number[]];
        const dot = (a: number[], b: number[]): number =>
          a.reduce((sum, value, j) => sum + value * b[j]!, 0);
        expect(Math.abs(dot(pc1, pc1) - 1)).toBeLessThan(1e-10);
        expect(Math.abs(dot(pc2, pc2) - 1)).toBeLessThan(1e-10);
        expect(Math.abs(dot(pc1, pc2))).toBeLessThan(1e-10);
        const projected = pca.project(m).data;
        const v1 = variance(projected, 0);
        const v2 = variance(projected, 1);
        // Relative slack of 1e-9 for rounding in the projection.
        expect(v1).toBeGreaterThanOrEqual(v2 - 1e-9 * Math.max(1, v1));
        expect(pca.explained[0]).toBeGreaterThanOrEqual(pca.explained[1]);
        expect(pca.explained[0] + pca.explained[1]).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: 100, seed: 42 },
    );
  });

  it("each component's largest-magnitude loading is positive", () => {
    fc.assert(
      fc.property(matrixArbitrary(), (m) => {
        for (const component of pca2(m).components) {
          const largest = Math.max(...component.map(Math.abs));
          const lead = component.find((value) => Math.abs(value) >= largest - 1e-12)!;
          expect(lead).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it("the projected variance of PC1 equals its eigenvalue share of the total (1e-9 relative)", () => {
    fc.assert(
      fc.property(matrixArbitrary(), (m) => {
        const pca = pca2(m);
        let total = 0;
        for (let j = 0; j < m.cols; j++) {
          const column = new Float64Array(m.rows * 2);
          for (let i = 0; i < m.rows; i++) column[2 * i] = m.data[i * m.cols + j]!;
          total += variance(column, 0);
        }
        if (total === 0) return;
        expect(Math.abs(variance(pca.project(m).data, 0) / total - pca.explained[0])).toBeLessThan(
          1e-9,
        );
      }),
      { numRuns: 60, seed: 3 },
    );
  });
});

describe("pca2 on a sample", () => {
  it("is deterministic for a seed and close to the full fit on a large sample", () => {
    const rng = new Random(1);
    const rows = Array.from({ length: 2000 }, () => {
      const a = rng.normal() * 3;
      const b = rng.normal();
      return [a + b, a - b, 0.5 * b];
    });
    const m = fromRows(rows);
    const first = pca2(m, { sampleSize: 500, rng: new Random(9) });
    const second = pca2(m, { sampleSize: 500, rng: new Random(9) });
    expect(first.components).toEqual(second.components);
    expect(first.explained).toEqual(second.explained);
    const full = pca2(m);
    // A 500-row sample of 2,000: explained shares within 0.05 of the full fit.
    expect(Math.abs(first.explained[0] - full.explained[0])).toBeLessThan(0.05);
  });
});

describe("samplePcaPoints", () => {
  // 990 rows in cluster 0 around (0,0,0) and 10 rows in cluster 1 around (10,10,10).
  const rng = new Random(3);
  const rows: number[][] = [];
  const clusters: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const offset = i < 990 ? 0 : 10;
    rows.push([offset + rng.normal(), offset + rng.normal(), offset + rng.normal()]);
    clusters.push(i < 990 ? 0 : 1);
  }
  const m = fromRows(rows);

  it("keeps sampleSize points plus top-ups so that the small cluster shows min(size, 10) points", () => {
    const projection = samplePcaPoints(m, clusters, { sampleSize: 100, rng: new Random(4) });
    expect(projection.totalRows).toBe(1000);
    const small = projection.points.filter((point) => point.cluster === 1).length;
    expect(small).toBe(10);
    // The uniform draw comes first from the same rng; the top-up adds the cluster-1 rows it missed.
    const uniform = Array.from(sampleIndices(1000, 100, new Random(4)));
    const uniformSmall = uniform.filter((i) => i >= 990).length;
    expect(projection.points.length).toBe(100 + (10 - uniformSmall));
  });

  it("is deterministic for a seed and matches the full-data projection of the chosen rows", () => {
    const a = samplePcaPoints(m, clusters, { sampleSize: 50, rng: new Random(8) });
    const b = samplePcaPoints(m, clusters, { sampleSize: 50, rng: new Random(8) });
    expect(a).toEqual(b);
    const full = pca2(m).project(m);
    // Every sampled point is one of the rows projected with the same PCA (1e-12).
    for (const point of a.points) {
      let found = false;
      for (let i = 0; i < m.rows && !found; i++) {
        found =
          Math.abs(full.data[2 * i]! - point.x) < 1e-12 &&
          Math.abs(full.data[2 * i + 1]! - point.y) < 1e-12 &&
          clusters[i] === point.cluster;
      }
      expect(found).toBe(true);
    }
  });

  it("returns every row when the data is smaller than the sample", () => {
    const projection = samplePcaPoints(m, clusters, { rng: new Random(1) });
    expect(projection.points.length).toBe(1000);
  });

  it("rejects a cluster array of the wrong length", () => {
    expect(() => samplePcaPoints(m, [0, 1], { rng: new Random(1) })).toThrow(
      "PCA sample needs one cluster per row: 2 clusters for 1000 rows",
    );
  });
});
