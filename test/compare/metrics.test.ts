import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adjustedRandIndex,
  agreementScores,
  agreementScoresOf,
  contingencyTable,
  entropyOfCounts,
  homogeneityCompletenessVMeasure,
  normalizedMutualInfo,
  pairConfusion,
  type AgreementScores,
  type Contingency,
} from "../../src/compare/index.js";

interface FixtureCase {
  name: string;
  a?: (string | number)[];
  b?: (string | number)[];
  generator?: { seed: number; n: number; kA: number; kB: number; agree: number };
  cells?: number[][];
  expected: Omit<AgreementScores, "n">;
}

const fixture = JSON.parse(
  readFileSync(
    fileURLToPath(new URL("../fixtures/compare/sklearn-metrics.json", import.meta.url)),
    "utf8",
  ),
) as { sklearn: string; cases: FixtureCase[] };

/** Replays the fixture script's 32-bit LCG (see make_compare_fixtures.py). */
function lcgLabels(spec: NonNullable<FixtureCase["generator"]>): { a: Int32Array; b: Int32Array } {
  let s = spec.seed >>> 0;
  const draw = (): number => {
    s = (Math.imul(1664525, s) + 1013904223) >>> 0;
    return s >>> 16;
  };
  const a = new Int32Array(spec.n);
  const b = new Int32Array(spec.n);
  for (let i = 0; i < spec.n; i++) {
    a[i] = draw() % spec.kA;
    b[i] = draw() % 100 < spec.agree ? a[i]! % spec.kB : draw() % spec.kB;
  }
  return { a, b };
}

/** A contingency table straight from crosstab counts (no 10M-long label arrays needed). */
function fromCells(cells: number[][]): Contingency {
  const cellRow: number[] = [];
  const cellCol: number[] = [];
  const cellCount: number[] = [];
  const rowSums = new Float64Array(cells.length);
  const colSums = new Float64Array(cells[0]!.length);
  cells.forEach((row, i) =>
    row.forEach((count, j) => {
      if (count === 0) return;
      cellRow.push(i);
      cellCol.push(j);
      cellCount.push(count);
      rowSums[i]! += count;
      colSums[j]! += count;
    }),
  );
  return {
    rowLabels: cells.map((_, i) => i),
    colLabels: cells[0]!.map((_, j) => j),
    rowSums,
    colSums,
    cellRow: Int32Array.from(cellRow),
    cellCol: Int32Array.from(cellCol),
    cellCount: Float64Array.from(cellCount),
    total: rowSums.reduce((s, x) => s + x, 0),
  };
}

// Absolute; about 10 × the largest gap measured against scikit-learn over the fixture (5.1e-15).
const TOLERANCE = 5e-14;

describe("agreement indices vs scikit-learn " + fixture.sklearn, () => {
  it("has the fixture cases it was made with", () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const c of fixture.cases) {
    it(c.name, () => {
      let got: AgreementScores;
      if (c.cells) {
        got = agreementScoresOf(fromCells(c.cells));
      } else if (c.generator) {
        const { a, b } = lcgLabels(c.generator);
        got = agreementScores(a, b);
      } else {
        got = agreementScores(c.a!, c.b!);
      }
      for (const key of Object.keys(c.expected) as (keyof FixtureCase["expected"])[]) {
        expect(
          Math.abs(got[key] - c.expected[key]),
          `${key}: ${got[key]} vs ${c.expected[key]}`,
        ).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  }

  it("the sorted-keys contingency path gives the dense path's cells (200k clients, 500 × 300 labels)", () => {
    const c = fixture.cases.find((x) => x.generator && x.generator.kA === 500)!;
    const { a, b } = lcgLabels(c.generator!);
    const dense = contingencyTable(a, b);
    const sorted = contingencyTable(a, b, 0);
    expect(sorted.cellCount.length).toBe(dense.cellCount.length);
    // Cells may come in another order: compare them as a row,col → count map.
    const asMap = (t: Contingency): Map<string, number> =>
      new Map(Array.from(t.cellCount, (count, k) => [`${t.cellRow[k]},${t.cellCol[k]}`, count]));
    expect(asMap(sorted)).toEqual(asMap(dense));
    const scores = agreementScoresOf(sorted);
    expect(Math.abs(scores.adjustedRandIndex - c.expected.adjustedRandIndex)).toBeLessThanOrEqual(
      TOLERANCE,
    );
    expect(
      Math.abs(scores.normalizedMutualInfo - c.expected.normalizedMutualInfo),
    ).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe("hand-worked adjusted Rand index", () => {
  it("splitting one of two clusters: ARI = 4/7", () => {
    // A = [0,0,1,1], B = [0,0,1,2]. Crosstab: A0 → {B0: 2}; A1 → {B1: 1, B2: 1}.
    // Σ C(n_ij,2) = C(2,2) = 1;  Σ C(a_i,2) = 1 + 1 = 2;  Σ C(b_j,2) = 1 + 0 + 0 = 1;  C(4,2) = 6.
    // expected index = 2·1/6 = 1/3; max index = (2+1)/2 = 3/2.
    // ARI = (1 − 1/3) / (3/2 − 1/3) = (2/3)/(7/6) = 4/7.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 15);
  });

  it("pair confusion counts ordered pairs", () => {
    // Same case: sklearn counts ordered pairs. Σ n_ij² = 4+1+1 = 6 → tp = 6 − 4 = 2 (one pair, twice).
    // Σ n_ij·n_.j = 2·2 + 1·1 + 1·1 = 6 → fp = 6 − 6 = 0.  Σ n_ij·n_i. = 2·2 + 1·2 + 1·2 = 8 → fn = 8 − 6 = 2.
    // tn = 16 − 0 − 2 − 6 = 8.  tp+fp+fn+tn = 12 = 4·3.
    expect(pairConfusion(contingencyTable([0, 0, 1, 1], [0, 0, 1, 2]))).toEqual({
      tn: 8,
      fp: 0,
      fn: 2,
      tp: 2,
    });
  });

  it("crossed labelings: ARI = −1/2", () => {
    // A = [0,0,1,1], B = [0,1,0,1]: every cell holds 1 client, Σ C(n_ij,2) = 0;
    // Σ C(a_i,2) = Σ C(b_j,2) = 2; expected = 2·2/6 = 2/3; max = 2.
    // ARI = (0 − 2/3)/(2 − 2/3) = −1/2.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBe(-0.5);
  });

  it("returns exactly 1.0 in sklearn's special cases", () => {
    expect(adjustedRandIndex([], [])).toBe(1.0);
    expect(adjustedRandIndex(["x", "x", "x"], [5, 5, 5])).toBe(1.0);
    expect(adjustedRandIndex([1, 2, 3], ["a", "b", "c"])).toBe(1.0);
    expect(normalizedMutualInfo(["x", "x"], ["y", "y"])).toBe(1.0);
    expect(homogeneityCompletenessVMeasure([], [])).toEqual({
      homogeneity: 1,
      completeness: 1,
      vMeasure: 1,
    });
  });

  it("entropy in nats: two equal halves give ln 2", () => {
    expect(entropyOfCounts([2, 2])).toBeCloseTo(Math.log(2), 15);
    expect(entropyOfCounts([5])).toBe(0);
  });
});

describe("properties", () => {
  const labelings = fc
    .integer({ min: 1, max: 40 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
      ),
    );

  it("ARI and NMI are symmetric, ≤ 1, and ignore label names", () => {
    fc.assert(
      fc.property(labelings, ([a, b]) => {
        const renamed = a.map((x) => `seg-${(x * 7 + 3) % 11}`);
        const ari = adjustedRandIndex(a, b);
        const nmi = normalizedMutualInfo(a, b);
        // Tolerances: the same sums in another order differ by a few ulps.
        expect(Math.abs(adjustedRandIndex(b, a) - ari)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(adjustedRandIndex(renamed, b) - ari)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(normalizedMutualInfo(b, a) - nmi)).toBeLessThanOrEqual(1e-12);
        expect(ari).toBeLessThanOrEqual(1 + 1e-12);
        expect(nmi).toBeGreaterThanOrEqual(0);
        expect(nmi).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it("homogeneity of (A, B) is completeness of (B, A)", () => {
    fc.assert(
      fc.property(labelings, ([a, b]) => {
        const ab = homogeneityCompletenessVMeasure(a, b);
        const ba = homogeneityCompletenessVMeasure(b, a);
        expect(Math.abs(ab.homogeneity - ba.completeness)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(ab.vMeasure - ba.vMeasure)).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
