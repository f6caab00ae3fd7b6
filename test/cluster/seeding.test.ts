import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultTrials, kmeansPlusPlus } from "../../src/cluster/index.js";
import { squaredDistanceAt } from "../../src/cluster/kernels.js";
import { fromRows, type DenseMatrix } from "../../src/shared/matrix.js";
import { Random } from "../../src/shared/random.js";
import { blobs, integerGrid } from "./helpers.js";

/**
 * A line-by-line transcription of scikit-learn's `_kmeans_plusplus` with a
 * plain cumulative sum over all rows, drawing from the same `Random` in the
 * same order: first index uniform, then per centre `trials` uniforms × the
 * potential, the first row whose running sum exceeds each, and the candidate
 * with the smallest resulting potential (the first on ties).
 */
function naiveKmeansPlusPlus(
  matrix: DenseMatrix,
  k: number,
  rng: Random,
  trials: number,
): number[] {
  const { rows: n, cols: d, data } = matrix;
  // The kernels' own summation order (two lanes up to 32 columns), so the
  // transcription and the kernels compute identical distances.
  const squared = (i: number, j: number): number => squaredDistanceAt(data, i, data, j, d);
  const indices = [rng.int(n)];
  let closest = Array.from({ length: n }, (_, i) => squared(i, indices[0]!));
  let potential = closest.reduce((a, b) => a + b, 0);
  for (let c = 1; c < k; c++) {
    const candidates: number[] = [];
    for (let t = 0; t < trials; t++) {
      if (potential === 0) {
        candidates.push(rng.int(n));
        continue;
      }
      const target = rng.next() * potential;
      let running = 0;
      let pick = -1;
      for (let i = 0; i < n && pick < 0; i++) {
        running += closest[i]!;
        if (running > target) pick = i;
      }
      candidates.push(pick);
    }
    let bestPotential = Infinity;
    let bestClosest: number[] = [];
    let best = -1;
    for (const candidate of candidates) {
      const next = closest.map((value, i) => Math.min(value, squared(i, candidate)));
      const nextPotential = next.reduce((a, b) => a + b, 0);
      if (nextPotential < bestPotential) {
        bestPotential = nextPotential;
        bestClosest = next;
        best = candidate;
      }
    }
    indices.push(best);
    closest = bestClosest;
    potential = bestPotential;
  }
  return indices;
}

describe("greedy k-means++ (scikit-learn's _kmeans_plusplus)", () => {
  it("uses 2 + floor(ln k) candidates", () => {
    // ln 2 = 0.69, ln 3 = 1.10, ln 7 = 1.95, ln 8 = 2.08, ln 20 = 3.00
    expect([2, 3, 7, 8, 20, 21].map(defaultTrials)).toEqual([2, 3, 3, 4, 4, 5]);
  });

  it("picks exactly the rows of the plain transcription (one chunk: identical arithmetic)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 2048 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.boolean(),
        (rows, cols, kWanted, seed, integers) => {
          const k = Math.min(kWanted, rows);
          const matrix = integers
            ? integerGrid(rows, cols, 3, seed)
            : blobs(rows, cols, 4, 2, seed);
          const ours = kmeansPlusPlus(matrix, k, new Random(seed));
          const plain = naiveKmeansPlusPlus(matrix, k, new Random(seed), defaultTrials(k));
          expect(Array.from(ours.indices)).toEqual(plain);
          for (let c = 0; c < k; c++) {
            const row = ours.indices[c]!;
            expect(Array.from(ours.centroids.subarray(c * cols, (c + 1) * cols))).toEqual(
              Array.from(matrix.data.subarray(row * cols, (row + 1) * cols)),
            );
          }
        },
      ),
      { numRuns: 60, seed: 207 },
    );
  });

  it("matches it too with more candidates than the unrolled kernels (10) and wide rows (40 columns)", () => {
    for (const seed of [1, 2, 3]) {
      const matrix = blobs(1500, 3, 4, 2, seed);
      const ours = kmeansPlusPlus(matrix, 6, new Random(seed), 10);
      expect(Array.from(ours.indices)).toEqual(
        naiveKmeansPlusPlus(matrix, 6, new Random(seed), 10),
      );
      const wide = blobs(800, 40, 4, 2, seed);
      const oursWide = kmeansPlusPlus(wide, 5, new Random(seed));
      expect(Array.from(oursWide.indices)).toEqual(
        naiveKmeansPlusPlus(wide, 5, new Random(seed), defaultTrials(5)),
      );
    }
  });

  it("picks the same rows as the transcription across many chunks (20,000 rows)", () => {
    // Chunked potentials round differently from one running sum; a draw could only
    // differ if it fell within ~1e-12 of a boundary, which these seeds do not.
    for (const seed of [1, 2, 3]) {
      const matrix = blobs(20_000, 3, 6, 1.5, seed);
      const ours = kmeansPlusPlus(matrix, 8, new Random(seed));
      expect(Array.from(ours.indices)).toEqual(
        naiveKmeansPlusPlus(matrix, 8, new Random(seed), defaultTrials(8)),
      );
    }
  });

  it("chooses distinct rows while distinct rows remain, and one from each far group", () => {
    // Two tight groups 1000 apart: with D² weighting the second centre is from the other group.
    const groups = fromRows([[0], [0.1], [0.2], [1000], [1000.1], [1000.2]]);
    for (let seed = 0; seed < 20; seed++) {
      const { indices } = kmeansPlusPlus(groups, 2, new Random(seed));
      expect(indices[0]! < 3).not.toBe(indices[1]! < 3);
    }
  });

  it("falls back to uniform draws when every row coincides with a centre", () => {
    const same = fromRows([[1], [1], [1], [1]]);
    const { indices, centroids } = kmeansPlusPlus(same, 3, new Random(5));
    expect(indices).toHaveLength(3);
    expect(indices.every((i) => i >= 0 && i < 4)).toBe(true);
    expect(Array.from(centroids)).toEqual([1, 1, 1]);
  });
});
