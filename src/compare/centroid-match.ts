/**
 * Matching a refit's centroids to the previous period's, so that cluster
 * names stay stable: the matching of least total Euclidean distance
 * (Hungarian assignment), each centroid's drift in z units, and a flag for
 * matches that cannot be trusted.
 *
 * When is a match poor? A centroid stands for its Voronoi cell: the
 * clients nearest to it. If the new centroid matched to previous cluster i
 * lies nearer to some other previous centroid j than to i, then the new
 * cluster's centre is where cluster j's clients were: calling it "i" is a
 * naming by elimination, not by likeness. That is the flag. It needs no
 * tuned constant and does not depend on the units, and it cannot fire
 * while a centroid has drifted less than half the distance to its nearest
 * neighbour (by the triangle inequality), which `relativeDrift` reports
 * (drift ÷ half that distance: below 1 is always safe).
 */
import { minimumCostAssignment } from "./hungarian.js";

/** One previous cluster and the new centroid matched to it. */
export interface CentroidPairing {
  /** Previous cluster number (the name kept). */
  previous: number;
  /** The refit's own cluster number matched to it. */
  next: number;
  /** Euclidean distance between the two centroids, in the (z) units of the matrices. */
  drift: number;
  /** drift ÷ (half the distance from the previous centroid to its nearest other previous centroid). */
  relativeDrift: number;
  /** The new centroid is nearer to another previous centroid (see the module comment). */
  poor: boolean;
  /** Previous cluster whose centroid is nearest to the new one (= `previous` unless poor). */
  nearestPrevious: number;
}

/** Result of {@link matchCentroids}. */
export interface CentroidMatch {
  /** `previousOf[j]` = the previous cluster new cluster j takes the name of. */
  previousOf: Int32Array;
  /** One entry per previous cluster, in previous order. */
  pairs: CentroidPairing[];
  /** Sum of the matched distances (the minimum over all matchings). */
  totalDrift: number;
  /** Number of poor matches. */
  poorMatches: number;
}

const distance = (a: Float64Array, i: number, b: Float64Array, j: number, d: number): number => {
  let s = 0;
  for (let c = 0; c < d; c++) s += (a[i * d + c]! - b[j * d + c]!) ** 2;
  return Math.sqrt(s);
};

/**
 * Matches k new centroids to k previous ones (both k × d, row-major, in the
 * same scaled space) by least total distance.
 *
 * @throws RangeError when the matrices are not k × d or k < 1.
 * @example
 * const m = matchCentroids(Float64Array.of(0, 0, 10, 10), Float64Array.of(9, 9, 1, 0), 2, 2);
 * Array.from(m.previousOf); // => [1, 0]  (new 0 is old 1, new 1 is old 0)
 */
export function matchCentroids(
  previous: Float64Array,
  next: Float64Array,
  k: number,
  d: number,
): CentroidMatch {
  if (!(k >= 1 && previous.length === k * d && next.length === k * d)) {
    throw new RangeError(`expected two ${k} × ${d} centroid matrices`);
  }
  const costs = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) costs[i * k + j] = distance(previous, i, next, j, d);
  const { columnOf, cost } = minimumCostAssignment(costs, k);
  const previousOf = new Int32Array(k);
  columnOf.forEach((j, i) => (previousOf[j] = i));

  const pairs: CentroidPairing[] = [];
  for (let i = 0; i < k; i++) {
    const j = columnOf[i]!;
    let gap = Infinity;
    for (let other = 0; other < k; other++) {
      if (other !== i) gap = Math.min(gap, distance(previous, i, previous, other, d));
    }
    let nearestPrevious = i;
    for (let other = 0; other < k; other++) {
      // Ties keep the matched name: only a strictly nearer centroid makes the match poor.
      if (costs[other * k + j]! < costs[nearestPrevious * k + j]!) nearestPrevious = other;
    }
    const drift = costs[i * k + j]!;
    pairs.push({
      previous: i,
      next: j,
      drift,
      relativeDrift: Number.isFinite(gap) && gap > 0 ? drift / (gap / 2) : 0,
      poor: nearestPrevious !== i,
      nearestPrevious,
    });
  }
  return {
    previousOf,
    pairs,
    totalDrift: cost,
    poorMatches: pairs.filter((p) => p.poor).length,
  };
}
