import { describe, expect, it } from "vitest";
import { assignToNearest, kmeans, lloyd, type IterationEvent } from "../../src/cluster/index.js";
import { fromRows } from "../../src/shared/matrix.js";

// Six points on a line: two tight groups {1, 2, 3} and {10, 11, 12}.
const line = fromRows([[1], [2], [3], [10], [11], [12]]);

describe("Lloyd on six points in 1-D, k = 2, by hand", () => {
  /*
   * Start: c = [1, 2].
   * Iteration 0 assigns 1 → c0 (|1-1| = 0 < |1-2| = 1) and 2, 3, 10, 11, 12 → c1.
   *   Inertia of that assignment = 0 + 0 + 1 + 8² + 9² + 10² = 246.
   *   Update: c0 = 1, c1 = (2 + 3 + 10 + 11 + 12) / 5 = 38 / 5 = 7.6;
   *   shift = 0² + (7.6 − 2)² = 31.36.
   * Iteration 1, c = [1, 7.6]: 2 → c0 (1 < 5.6), 3 → c0 (2 < 4.6), 10 → c1 (9 > 2.4).
   *   Labels [0,0,0,1,1,1]; 2 rows changed.
   *   Inertia = 0 + 1 + 4 + 2.4² + 3.4² + 4.4² = 5 + 5.76 + 11.56 + 19.36 = 41.68.
   *   Update: c0 = 6 / 3 = 2, c1 = 33 / 3 = 11; shift = 1² + 3.4² = 12.56.
   * Iteration 2, c = [2, 11]: no label changes → strict convergence after 3 iterations.
   *   Inertia = (1 + 0 + 1) + (1 + 0 + 1) = 4.
   * Tolerance: mean 6.5, variance = (5.5² + 4.5² + 3.5²) · 2 / 6 = 125.5 / 6, ×1e-4 ≈ 0.0021,
   * never reached before the labels stop changing.
   */
  it("follows the hand computation for both algorithms", () => {
    for (const algorithm of ["lloyd", "hamerly"] as const) {
      const events: IterationEvent[] = [];
      const result = lloyd(line, Float64Array.of(1, 2), {
        algorithm,
        onIteration: (e) => events.push(e),
      });
      expect(Array.from(result.centroids)).toEqual([2, 11]); // exact: 6/3 and 33/3
      expect(Array.from(result.labels)).toEqual([0, 0, 0, 1, 1, 1]);
      expect(result.inertia).toBe(4); // exact: sums of 0s and 1s
      expect(result.iterations).toBe(3);
      expect(result.converged).toBe(true);
      expect(result.emptyClusterRepairs).toBe(0);
      expect(events.map((e) => e.changed)).toEqual([6, 2, 0]);
      // Lloyd looks at every centroid for every row; Hamerly does on its first pass.
      expect(events[0]!.fullScans).toBe(6);
      if (algorithm === "lloyd") expect(events.map((e) => e.fullScans)).toEqual([6, 6, 6]);
      expect(events[0]!.inertia).toBe(246); // exact integers
      expect(events[1]!.inertia).toBeCloseTo(41.68, 12); // 7.6 is inexact in binary: |error| < 1e-12
      expect(events[2]!.inertia).toBe(4);
      expect(events[0]!.centreShift).toBeCloseTo(31.36, 12); // |error| < 1e-12
      expect(events[1]!.centreShift).toBeCloseTo(12.56, 12); // |error| < 1e-12
      expect(events[2]!.centreShift).toBe(0);
    }
  });

  it("finds the same optimum from k-means++ (inertia 4) for every seed", () => {
    for (let seed = 0; seed < 5; seed++) {
      const result = kmeans(line, { k: 2, seed });
      expect(result.inertia).toBe(4);
      expect(Array.from(result.centroids).sort((a, b) => a - b)).toEqual([2, 11]);
      expect(result.restartInertias).toEqual(Array(10).fill(4));
      expect(result.warnings).toEqual([]);
    }
  });

  it("scores new rows against the centroids (Euclidean distances, ties to the lower index)", () => {
    // 6.5 is exactly halfway between 2 and 11: the tie goes to centroid 0.
    const scored = assignToNearest(fromRows([[0], [6.5], [7], [20]]), Float64Array.of(2, 11), 2);
    expect(Array.from(scored.labels)).toEqual([0, 0, 1, 1]);
    expect(Array.from(scored.distances)).toEqual([2, 4.5, 4, 9]); // exact
  });
});

describe("empty-cluster repair, by hand", () => {
  /*
   * Start c = [0, 100]: every point is nearer 0, so cluster 1 is empty.
   * Squared distances to c0: 1, 4, 9, 100, 121, 144 → the farthest row, 12
   * (row 5), moves to cluster 1: c0 = (1+2+3+10+11)/5 = 5.4, c1 = 12.
   * Iteration 1, c = [5.4, 12]: 10 → c1 (4.6 > 2), 11 → c1; c = [2, 11].
   * Iteration 2: nothing changes → 3 iterations, 1 repair, inertia 4.
   */
  it("moves the farthest row into the empty cluster", () => {
    for (const algorithm of ["lloyd", "hamerly"] as const) {
      const events: IterationEvent[] = [];
      const result = lloyd(line, Float64Array.of(0, 100), {
        algorithm,
        onIteration: (e) => events.push(e),
      });
      expect(result.emptyClusterRepairs).toBe(1);
      expect(Array.from(result.centroids)).toEqual([2, 11]);
      expect(Array.from(result.labels)).toEqual([0, 0, 0, 1, 1, 1]);
      expect(result.iterations).toBe(3);
      expect(result.inertia).toBe(4);
      // Shift of the first update: (5.4 − 0)² + (12 − 100)² = 29.16 + 7744.
      expect(events[0]!.centreShift).toBeCloseTo(7773.16, 9); // |error| < 1e-9
    }
  });

  /*
   * Start c = [0, 100, 200]: clusters 1 and 2 are empty. Cluster 1 takes 12
   * (squared distance 144), cluster 2 the next farthest, 11 (121):
   * c = [(1+2+3+10)/4 = 4, 12, 11].
   * Iteration 1: 10 → c2 (|10−11| = 1 beats 2 and 6): labels [0,0,0,2,2,1]; c = [2, 12, 10.5].
   * Iteration 2: unchanged → inertia = (1+0+1) + 0 + (0.25+0.25) = 2.5.
   */
  it("repairs two empty clusters in index order", () => {
    const result = lloyd(line, Float64Array.of(0, 100, 200), { algorithm: "hamerly" });
    expect(result.emptyClusterRepairs).toBe(2);
    expect(Array.from(result.centroids)).toEqual([2, 12, 10.5]);
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 2, 2, 1]);
    expect(result.inertia).toBe(2.5);
    expect(result.iterations).toBe(3);
  });

  it("k = rows: every row is its own centroid (inertia 0)", () => {
    const three = fromRows([
      [0, 0],
      [3, 4],
      [-1, 2],
    ]);
    const result = kmeans(three, { k: 3, seed: 1 });
    expect(result.inertia).toBe(0);
    expect(new Set(result.labels).size).toBe(3);
    expect(result.warnings).toEqual([]);
  });

  /*
   * Four identical rows, k = 2: seeding finds potential 0 and draws any row;
   * both centroids are that row, every row ties and goes to centroid 0, so
   * cluster 1 is empty and takes row 0 (all distances 0, lowest index); the
   * centroids do not move (shift 0 ≤ tolerance 0) → converged after 1 iteration,
   * then the final assignment sends row 0 back to centroid 0 (the tie rule).
   */
  it("identical rows: converges at once and warns", () => {
    const same = fromRows([[7], [7], [7], [7]]);
    const result = kmeans(same, { k: 2, seed: 4, restarts: 2 });
    expect(Array.from(result.centroids)).toEqual([7, 7]);
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 0]);
    expect(result.inertia).toBe(0);
    expect(result.iterations).toBe(1);
    expect(result.converged).toBe(true);
    expect(result.emptyClusterRepairs).toBe(2); // one per restart
    expect(result.warnings).toEqual([
      "Number of distinct clusters (1) found smaller than k (2), possibly due to duplicate rows; choose a smaller k.",
    ]);
  });

  it("never returns NaN centroids when rows coincide", () => {
    // Two distinct points, k = 3: one centroid must duplicate another.
    const twins = fromRows([
      [0, 0],
      [0, 0],
      [0, 0],
      [5, 5],
      [5, 5],
    ]);
    const result = kmeans(twins, { k: 3, seed: 3 });
    expect(result.centroids.every((v) => Number.isFinite(v))).toBe(true);
    expect(result.inertia).toBe(0);
    expect(result.warnings).toEqual([
      "Number of distinct clusters (2) found smaller than k (3), possibly due to duplicate rows; choose a smaller k.",
    ]);
  });
});
