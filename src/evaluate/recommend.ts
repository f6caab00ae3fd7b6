/**
 * Recommends a number of clusters from a k sweep: the knee of the inertia
 * curve and the silhouette vote, Calinski–Harabasz and Davies–Bouldin are
 * reported as supporting evidence.
 */
import { duplicateSweepK, emptySweep } from "../shared/messages/evaluate.js";
import type { Recommendation, SweepRow } from "./types.js";

/** How much higher a neighbour's silhouette must be to displace the knee. */
export const SILHOUETTE_MARGIN = 0.01;

/** Options of {@link recommendK}. */
export interface RecommendOptions {
  /** Kneedle sensitivity that produced `elbowK`, named in the reason. Default 1. */
  sensitivity?: number;
}

/**
 * Picks k from a sweep by one fixed rule:
 *
 * 1. With a knee of the inertia curve (`elbowK`, found by Kneedle) that is one
 *    of the swept k: take the k with the highest silhouette among the knee and
 *    its neighbours k−1, k, k+1 (ties: the one nearer the knee, then the
 *    smaller), but keep the knee unless that neighbour's silhouette is more
 *    than {@link SILHOUETTE_MARGIN} higher than the knee's. The knee says
 *    where adding clusters stops paying off, but a knee on a discrete curve is
 *    often a step off, and a clearly better silhouette settles which
 *    neighbour separates best. A silhouette peak further from the knee
 *    (typically k=2 on skewed customer data) is reported but not followed.
 * 2. Without a knee: take the silhouette maximum (ties: the smaller k).
 *
 * Calinski–Harabasz (highest) and Davies–Bouldin (lowest) are named in the
 * reason, with a note when they point at the recommended k, but do not vote.
 * Non-finite index values are skipped. Deterministic.
 *
 * @throws SegworkError when `rows` is empty or holds the same k twice.
 * @example
 * recommendK(rows, 4).reason;
 * // => "Knee of the inertia curve at k=4 (Kneedle, S=1); silhouette peaks at k=4 (0.410); …
 * //     Recommended k=4: the knee and the silhouette agree."
 */
export function recommendK(
  rows: SweepRow[],
  elbowK: number | null,
  options: RecommendOptions = {},
): Recommendation {
  if (rows.length === 0) throw emptySweep();
  const sorted = [...rows].sort((a, b) => a.k - b.k);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.k === sorted[i - 1]!.k) throw duplicateSweepK(sorted[i]!.k);
  }
  const sensitivity = options.sensitivity ?? 1;
  const silhouetteBest = best(sorted, (r) => r.silhouette);
  const chBest = best(sorted, (r) => r.calinskiHarabasz);
  const dbBest = best(sorted, (r) => -r.daviesBouldin);
  const knee = elbowK !== null && sorted.some((r) => r.k === elbowK) ? elbowK : null;

  const evidence: string[] = [];
  if (elbowK === null) evidence.push(`The inertia curve has no knee (Kneedle, S=${sensitivity})`);
  else if (knee === null) {
    evidence.push(
      `The knee at k=${elbowK} is outside the swept k (${sorted[0]!.k}..${sorted.at(-1)!.k}) and is ignored`,
    );
  } else evidence.push(`Knee of the inertia curve at k=${knee} (Kneedle, S=${sensitivity})`);
  evidence.push(
    silhouetteBest
      ? `silhouette peaks at k=${silhouetteBest.k} (${fixed(silhouetteBest.silhouette, 3)})`
      : "no silhouette value is finite",
  );
  if (chBest) {
    evidence.push(
      `Calinski–Harabasz is highest at k=${chBest.k} (${fixed(chBest.calinskiHarabasz, 1)})`,
    );
  }
  if (dbBest)
    evidence.push(`Davies–Bouldin is lowest at k=${dbBest.k} (${fixed(dbBest.daviesBouldin, 3)})`);

  let recommended: SweepRow;
  let rule: NonNullable<Recommendation["rule"]>;
  let why: string;
  if (knee === null) {
    recommended = silhouetteBest ?? sorted[0]!;
    rule = "silhouette-without-knee";
    why = silhouetteBest
      ? "the silhouette maximum, as there is no knee to weigh it against"
      : "the smallest swept k, as neither a knee nor a silhouette is available";
  } else {
    const window = sorted.filter((r) => Math.abs(r.k - knee) <= 1);
    const nearKnee = [...window].sort(
      (a, b) => Math.abs(a.k - knee) - Math.abs(b.k - knee) || a.k - b.k,
    );
    const kneeRow = sorted.find((r) => r.k === knee)!;
    const bestNear = best(nearKnee, (r) => r.silhouette) ?? kneeRow;
    // A neighbour displaces the knee only when its silhouette is clearly
    // higher: differences below SILHOUETTE_MARGIN are within the noise of a
    // sampled silhouette and of K-Means' local optima.
    const kneeHolds = !(bestNear.silhouette - kneeRow.silhouette > SILHOUETTE_MARGIN);
    recommended = kneeHolds ? kneeRow : bestNear;
    const range = `k=${window[0]!.k}..${window.at(-1)!.k}`;
    if (silhouetteBest?.k === knee) {
      rule = "knee-and-silhouette-agree";
      why = "the knee and the silhouette agree";
    } else {
      rule = "silhouette-near-knee";
      const choice =
        bestNear.k === knee
          ? `the knee itself has the highest silhouette within ±1 of the knee (${range}, ${fixed(recommended.silhouette, 3)})`
          : kneeHolds
            ? `the knee's silhouette (${fixed(kneeRow.silhouette, 3)}) is within ${SILHOUETTE_MARGIN} of the best within ±1 of the knee (k=${bestNear.k}, ${fixed(bestNear.silhouette, 3)}), so the knee stands`
            : `it has the highest silhouette within ±1 of the knee (${range}, ${fixed(recommended.silhouette, 3)}), more than ${SILHOUETTE_MARGIN} above the knee's (${fixed(kneeRow.silhouette, 3)})`;
      const far =
        silhouetteBest && Math.abs(silhouetteBest.k - knee) > 1
          ? `; the overall silhouette peak at k=${silhouetteBest.k} is more than one step from the knee and is not followed`
          : "";
      why = choice + far;
    }
  }
  const support = [
    chBest?.k === recommended.k ? "Calinski–Harabasz" : null,
    dbBest?.k === recommended.k ? "Davies–Bouldin" : null,
  ].filter((name): name is string => name !== null);
  const supportText =
    support.length > 0
      ? ` ${support.join(" and ")} also ${support.length > 1 ? "point" : "points"} to k=${recommended.k}.`
      : "";
  return {
    elbowK,
    silhouetteK: (silhouetteBest ?? recommended).k,
    recommendedK: recommended.k,
    calinskiHarabaszK: chBest?.k,
    daviesBouldinK: dbBest?.k,
    rule,
    reason: `${evidence.join("; ")}. Recommended k=${recommended.k}: ${why}.${supportText}`,
  };
}

/** The row with the largest finite score, first wins ties; undefined when none is finite. */
function best(rows: SweepRow[], score: (row: SweepRow) => number): SweepRow | undefined {
  let winner: SweepRow | undefined;
  let top = -Infinity;
  for (const row of rows) {
    const value = score(row);
    if (Number.isFinite(value) && (winner === undefined || value > top)) {
      winner = row;
      top = value;
    }
  }
  return winner;
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}
