/**
 * The indices' curves as ranks over the swept k, for breaking a tie of the
 * vote: a k's rank sum adds, for every curve that was computed, its place
 * among the swept k (1 = the best value of that curve). A k the indices rank
 * high on the whole — not only at their single peak — has a small sum.
 *
 * The curves: silhouette, Calinski–Harabasz (higher is better),
 * Davies–Bouldin (lower), the jump J(k), the BIC (higher), gap(k) − SE(k) (R's `maxSE`
 * quantities, as Tibshirani's rule reads them) and the bootstrap ARI (higher).
 * The knee has no curve of its own and is left out.
 */
import type { SweepRow } from "./types.js";

/** The curves the ranks are taken from (see {@link rankSums}). */
export interface RankEvidence {
  rows: readonly SweepRow[];
  /** The jump curve over k = 1..K (`jump.ts`), when computed. */
  jump?: { k?: readonly number[]; jump?: readonly number[] };
  /** The BIC curve over k = 1..K (`bic.ts`), when computed. */
  bic?: { k?: readonly number[]; bic?: readonly number[] };
  /** The gap curve, arrays indexed by k − 1 (k = 1..K), when computed. */
  gap?: { gap: ArrayLike<number>; se: ArrayLike<number> };
  stability?: readonly { k: number; ari: number }[];
}

/** Names of the curves a rank sum adds, in the order {@link rankSums} reads them. */
export type RankCurve =
  "silhouette" | "calinskiHarabasz" | "daviesBouldin" | "jump" | "bic" | "gap" | "stability";

/** Rank sums over the swept k and the curves they were taken from. */
export interface RankSums {
  /** k → sum of its ranks (1 = best on a curve). */
  sums: Map<number, number>;
  curves: RankCurve[];
}

/**
 * Each swept k's rank sum over the computed curves. Ties of value share the
 * better place (competition ranking: 1, 1, 3); a non-finite or missing value
 * ranks after every finite one.
 *
 * @example
 * const rows = [2, 3, 4].map((k) => ({ k, inertia: 9 / k, iterations: 1,
 *   silhouette: [0.5, 0.6, 0.4][k - 2]!, calinskiHarabasz: [30, 20, 10][k - 2]!, daviesBouldin: [0.7, 0.6, 0.9][k - 2]! }));
 * rankSums({ rows }).sums; // => Map { 2 => 5, 3 => 4, 4 => 9 }
 */
export function rankSums(evidence: RankEvidence): RankSums {
  const ks = evidence.rows.map((r) => r.k);
  const scores: [RankCurve, (k: number) => number][] = [];
  const byK = new Map(evidence.rows.map((r) => [r.k, r]));
  scores.push(["silhouette", (k) => byK.get(k)!.silhouette]);
  scores.push(["calinskiHarabasz", (k) => byK.get(k)!.calinskiHarabasz]);
  scores.push(["daviesBouldin", (k) => -byK.get(k)!.daviesBouldin]);
  const { jump, bic, gap, stability } = evidence;
  if (jump?.k && jump.jump) {
    const at = new Map(jump.k.map((k, i) => [k, jump.jump![i]!]));
    scores.push(["jump", (k) => at.get(k) ?? Number.NaN]);
  }
  if (bic?.k && bic.bic) {
    const at = new Map(bic.k.map((k, i) => [k, bic.bic![i]!]));
    scores.push(["bic", (k) => at.get(k) ?? Number.NaN]);
  }
  if (gap) scores.push(["gap", (k) => (gap.gap[k - 1] ?? Number.NaN) - (gap.se[k - 1] ?? 0)]);
  if (stability && stability.length > 0) {
    const at = new Map(stability.map((s) => [s.k, s.ari]));
    scores.push(["stability", (k) => at.get(k) ?? Number.NaN]);
  }
  const sums = new Map(ks.map((k) => [k, 0]));
  for (const [, score] of scores) {
    const values = ks.map((k) => {
      const v = score(k);
      return Number.isFinite(v) ? v : Number.NEGATIVE_INFINITY;
    });
    ks.forEach((k, i) => {
      const better = values.filter((v) => v > values[i]!).length;
      sums.set(k, sums.get(k)! + better + 1);
    });
  }
  return { sums, curves: scores.map(([name]) => name) };
}
