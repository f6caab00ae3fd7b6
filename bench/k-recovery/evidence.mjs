/**
 * The evidence about k for one table of the suite, as the sweep workflow
 * would gather it: the K-Means sweep (k = 2..10, 10 restarts; inertia,
 * silhouette, Calinski–Harabasz, Davies–Bouldin, Kneedle's knee and today's
 * recommendation), the gap statistic (B = 50, k = 1..10) and bootstrap stability
 * (B = 20, k = 2..10, judged against the sweep's fits). Plain JSON, so the
 * vote can be scored and tuned without refitting.
 *
 * The gap is computed with d.power 2 only (W(k) from sums of squares, O(n·d)
 * per set): d.power 1 needs every within-cluster pair, ~3× the time of the
 * whole table here, which a loaded 2-core machine cannot afford for 80
 * tables. Both the 1-restart refit of the data (R's way) and the sweep's
 * 10-restart fits are kept; the reference sets' fits are shared.
 */
import { performance } from "node:perf_hooks";
import { sweepK } from "../../dist/evaluate/sweep.js";
import { gapStatistic } from "../../dist/evaluate/gap.js";
import { clusterStability } from "../../dist/evaluate/stability.js";
import { seededKMeans } from "../../dist/evaluate/resampling.js";

export const K_MIN = 2;
export const K_MAX = 10;
export const RESTARTS = 10;
export const GAP_REFERENCES = 50;
export const STABILITY_RESAMPLES = 20;

/** Evidence for one prepared table (see suite.mjs), with the time each part took. */
export function gatherEvidence(table) {
  const seed = table.seed;
  const t0 = performance.now();
  const sweep = sweepK(table.matrix, { kMin: K_MIN, kMax: K_MAX, restarts: RESTARTS, seed });
  const t1 = performance.now();
  // One set of fits for both powers: the clusterer is memoised per (set, k),
  // and the same seed gives the same reference sets.
  const fits = new Map();
  const kmeansOnce = seededKMeans(seed, { restarts: 1 });
  const cluster = (m, k, set) => {
    const key = `${set}:${k}`;
    if (!fits.has(key)) fits.set(key, kmeansOnce(m, k, set));
    return fits.get(key);
  };
  const gapOptions = { kMax: K_MAX, seed, references: GAP_REFERENCES, cluster };
  const gap2 = gapStatistic(table.matrix, { ...gapOptions, dPower: 2 });
  // the data's W(k) from the sweep's 10-restart fits instead of 1-restart refits
  const observed = (k) => sweep.clusterings.get(k)?.labels;
  const gap2Sweep = gapStatistic(table.matrix, { ...gapOptions, dPower: 2, observed });
  const t2 = performance.now();
  const ks = sweep.rows.map((r) => r.k);
  const stabilityWith = (restarts) =>
    clusterStability(table.matrix, {
      ks,
      seed,
      resamples: STABILITY_RESAMPLES,
      restarts,
      reference: (k) => sweep.clusterings.get(k).labels,
    }).perK.map((s) => ({
      k: s.k,
      ari: s.ari,
      ariSd: s.ariSd,
      ariQuartiles: s.ariQuartiles,
      clusterJaccard: Array.from(s.clusterJaccard),
    }));
  const stability = stabilityWith(1);
  const t3 = performance.now();
  return {
    id: table.id,
    plantedK: table.k,
    separation: table.separation,
    half: table.half,
    features: table.features,
    rows: table.rows,
    ratio: table.ratio,
    noiseShare: table.noiseShare,
    moneyColumns: table.moneyColumns,
    sweep: sweep.rows,
    totalSumOfSquares: totalSumOfSquares(table.matrix),
    knee: sweep.recommendation.elbowK,
    currentRecommendation: sweep.recommendation.recommendedK,
    gap: {
      d2: gapCurve(gap2),
      d2Sweep: gapCurve(gap2Sweep),
    },
    stability,
    seconds: { sweep: (t1 - t0) / 1000, gap: (t2 - t1) / 1000, stability: (t3 - t2) / 1000 },
  };
}

function gapCurve(g) {
  return {
    k: g.k,
    gap: Array.from(g.gap),
    se: Array.from(g.se),
    logW: Array.from(g.logW),
    expectedLogW: Array.from(g.expectedLogW),
    references: g.references,
  };
}

/** Sum of squared distances of the rows to their mean: the inertia at k = 1. */
function totalSumOfSquares({ data, rows, cols }) {
  let total = 0;
  for (let c = 0; c < cols; c++) {
    let mean = 0;
    for (let r = 0; r < rows; r++) mean += data[r * cols + c];
    mean /= rows;
    for (let r = 0; r < rows; r++) total += (data[r * cols + c] - mean) ** 2;
  }
  return total;
}
