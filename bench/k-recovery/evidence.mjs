/**
 * The evidence about k for one table of the suite, as the sweep workflow
 * would gather it: the K-Means sweep (k = 2..10, 10 restarts; inertia,
 * silhouette, Calinski–Harabasz, Davies–Bouldin, Kneedle's knee and today's
 * recommendation), the gap statistic (B = 50, k = 1..10) and bootstrap stability
 * (B = 20, k = 2..10, judged against the sweep's fits), per k each cluster's
 * size, within-cluster sum of squares per feature and centroid of the
 * sweep's fit (the BIC's inputs), and the prediction strength (Tibshirani &
 * Walther 2005, a candidate of candidates.mjs). Plain JSON, so the
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
import { deriveSeed, seededKMeans } from "../../dist/evaluate/resampling.js";
import { kmeans } from "../../dist/cluster/index.js";
import { takeRows } from "../../dist/shared/matrix.js";
import { Random, sampleIndices } from "../../dist/shared/random.js";

export const K_MIN = 2;
export const K_MAX = 10;
export const RESTARTS = 10;
export const GAP_REFERENCES = 50;
export const STABILITY_RESAMPLES = 20;
/** Prediction strength (Tibshirani & Walther 2005): random halvings, restarts per half-fit. */
export const PS_SPLITS = 10;
export const PS_RESTARTS = 3;

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
  const predictionStrength = predictionStrengths(table.matrix, ks, seed);
  const t4 = performance.now();
  return {
    id: table.id,
    plantedK: table.k,
    separation: table.separation,
    shape: table.shape ?? "round",
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
    shapes: ks.map((k) => clusterShape(table.matrix, sweep.clusterings.get(k))),
    predictionStrength,
    seconds: {
      sweep: (t1 - t0) / 1000,
      gap: (t2 - t1) / 1000,
      stability: (t3 - t2) / 1000,
      predictionStrength: (t4 - t3) / 1000,
    },
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

/**
 * Each cluster's size, its within-cluster sums of squared and cubed
 * deviations per feature, of the sweep's fit at one k: what a
 * Gaussian-mixture reading of the fit (BIC) needs, with the centroids, and
 * the third moments that say how far the clusters are from symmetric.
 */
function clusterShape({ data, rows, cols }, clustering) {
  const { k, labels, centroids } = clustering;
  const sizes = new Array(k).fill(0);
  const withinByFeature = Array.from({ length: k }, () => new Array(cols).fill(0));
  const cubedByFeature = Array.from({ length: k }, () => new Array(cols).fill(0));
  for (let r = 0; r < rows; r++) {
    const j = labels[r];
    sizes[j]++;
    for (let c = 0; c < cols; c++) {
      const t = data[r * cols + c] - centroids[j * cols + c];
      withinByFeature[j][c] += t * t;
      cubedByFeature[j][c] += t * t * t;
    }
  }
  return { k, sizes, withinByFeature, cubedByFeature, centroids: Array.from(centroids) };
}

/**
 * Prediction strength (Tibshirani & Walther 2005) per k: the data is halved
 * at random PS_SPLITS times; each half is clustered, and for each cluster of
 * the test half, the share of its pairs that the training half's centroids
 * also put together; ps = the smallest share over the test clusters (of ≥ 2
 * rows). Both halves serve as test half, so 2 · PS_SPLITS values per k.
 */
function predictionStrengths(m, ks, seed) {
  const values = new Map(ks.map((k) => [k, []]));
  for (let s = 0; s < PS_SPLITS; s++) {
    const rng = new Random(deriveSeed(seed, 7001, s));
    const first = sampleIndices(m.rows, Math.floor(m.rows / 2), rng);
    const inFirst = new Uint8Array(m.rows);
    for (const i of first) inFirst[i] = 1;
    const second = Int32Array.from({ length: m.rows }, (_, i) => i).filter((i) => !inFirst[i]);
    const halves = [takeRows(m, first), takeRows(m, second)];
    for (const k of ks) {
      const fits = halves.map((h, side) =>
        kmeans(h, { k, restarts: PS_RESTARTS, seed: deriveSeed(seed, 7002 + side, s, k) }),
      );
      for (let test = 0; test < 2; test++) {
        const train = fits[1 - test];
        values.get(k).push(pairAgreement(halves[test], fits[test].labels, train.centroids, k));
      }
    }
  }
  return ks.map((k) => {
    const v = values.get(k);
    return { k, mean: v.reduce((a, b) => a + b, 0) / v.length, values: v };
  });
}

function pairAgreement({ data, rows, cols }, testLabels, centroids, k) {
  const counts = Array.from({ length: k }, () => new Array(k).fill(0));
  for (let r = 0; r < rows; r++) {
    let best = 0;
    let bestD = Infinity;
    for (let j = 0; j < k; j++) {
      let d = 0;
      for (let c = 0; c < cols; c++) d += (data[r * cols + c] - centroids[j * cols + c]) ** 2;
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    counts[testLabels[r]][best]++;
  }
  let least = 1;
  for (const row of counts) {
    const n = row.reduce((a, b) => a + b, 0);
    if (n < 2) continue;
    const same = row.reduce((a, b) => a + b * (b - 1), 0);
    least = Math.min(least, same / (n * (n - 1)));
  }
  return least;
}
