/**
 * Candidate proposers of k tried in this round (issue 13, better proposals),
 * computed from the evidence the gather records (evidence.mjs: per-k cluster
 * sizes and within-cluster sums of squares per feature of the sweep's fits,
 * prediction strength, the inertia curve). Exploration code: what ships is in
 * src/evaluate/; see RESULTS.md for which were kept.
 *
 * Every function takes one table's evidence and returns a k (1 = "no
 * structure" where the method has that answer).
 */

/** The sweep's inertia W(k) by k, with W(1) the total sum of squares. */
function inertiaByK(e) {
  const w = new Map(e.sweep.map((r) => [r.k, r.inertia]));
  w.set(1, e.totalSumOfSquares);
  return w;
}

/** Per k: cluster sizes and within-cluster SS per feature, k = 1 from the z-scored totals. */
function shapesByK(e) {
  const byK = new Map(e.shapes.map((s) => [s.k, s]));
  const perFeature = e.totalSumOfSquares / e.features;
  byK.set(1, {
    k: 1,
    sizes: [e.rows],
    withinByFeature: [new Array(e.features).fill(perFeature)],
  });
  return byK;
}

/**
 * Log-likelihood of a hard-assignment Gaussian mixture fitted to a k-means
 * partition (mixing weights n_j / n), under one of three covariance models:
 * "pooled" one spherical variance σ² = W / (d (n − k)) (X-means, Pelleg &
 * Moore 2000, with the variance per dimension), "spherical" one variance per
 * cluster σ_j² = W_j / (d n_j), "diagonal" one variance per cluster and
 * feature σ_jc² = W_jc / n_j. Returns { logL, params } or null when a cluster
 * has fewer than 2 rows or no spread.
 */
export function mixtureFit(shape, n, d, model) {
  const k = shape.sizes.length;
  let logL = 0;
  for (const nj of shape.sizes) {
    if (nj < 2) return null;
    logL += nj * Math.log(nj / n);
  }
  const W = shape.withinByFeature.map((f) => f.reduce((a, b) => a + b, 0));
  if (model === "pooled") {
    const total = W.reduce((a, b) => a + b, 0);
    if (!(total > 0)) return null;
    const s2 = total / (d * (n - k));
    logL += (-n * d * Math.log(2 * Math.PI * s2)) / 2 - (d * (n - k)) / 2;
    return { logL, params: k - 1 + k * d + 1 };
  }
  if (model === "spherical") {
    for (let j = 0; j < k; j++) {
      const nj = shape.sizes[j];
      const s2 = W[j] / (d * nj);
      if (!(s2 > 0)) return null;
      logL += (-nj * d * Math.log(2 * Math.PI * s2)) / 2 - (nj * d) / 2;
    }
    return { logL, params: k - 1 + k * d + k };
  }
  for (let j = 0; j < k; j++) {
    const nj = shape.sizes[j];
    for (const wjc of shape.withinByFeature[j]) {
      const s2 = wjc / nj;
      if (!(s2 > 0)) return null;
      logL += (-nj * Math.log(2 * Math.PI * s2)) / 2 - nj / 2;
    }
  }
  return { logL, params: k - 1 + 2 * k * d };
}

/** BIC curve (larger is better: logL − p/2 ln n) for k = 1..K. */
export function bicCurve(e, model) {
  const out = [];
  for (const [k, shape] of [...shapesByK(e)].sort((a, b) => a[0] - b[0])) {
    const fit = mixtureFit(shape, e.rows, e.features, model);
    out.push({ k, bic: fit ? fit.logL - (fit.params / 2) * Math.log(e.rows) : -Infinity });
  }
  return out;
}

export function bicK(e, model) {
  return bicCurve(e, model).reduce((a, b) => (b.bic > a.bic ? b : a)).k;
}

/**
 * Prediction strength (Tibshirani & Walther 2005): the largest k whose mean
 * prediction strength is at least `threshold` (ps(1) = 1, so 1 when none).
 */
export function predictionStrengthK(e, threshold, useLower = false) {
  let best = 1;
  for (const p of e.predictionStrength) {
    const sd = Math.sqrt(
      p.values.reduce((a, v) => a + (v - p.mean) ** 2, 0) / Math.max(1, p.values.length - 1),
    );
    const value = useLower ? p.mean - sd / Math.sqrt(p.values.length) : p.mean;
    if (value >= threshold && p.k > best) best = p.k;
  }
  return best;
}

/**
 * Hartigan's rule (Hartigan 1975): H(k) = (W(k) / W(k+1) − 1)(n − k − 1);
 * the smallest k with H(k) ≤ 10 (k = 1 included), else the largest swept k.
 */
export function hartiganK(e) {
  const w = inertiaByK(e);
  const kMax = Math.max(...w.keys());
  for (let k = 1; k < kMax; k++) {
    const h = (w.get(k) / w.get(k + 1) - 1) * (e.rows - k - 1);
    if (h <= 10) return k;
  }
  return kMax;
}

/**
 * Krzanowski & Lai (1988): DIFF(k) = (k−1)^{2/p} W(k−1) − k^{2/p} W(k),
 * KL(k) = |DIFF(k) / DIFF(k+1)|, the k in 2..K−1 with the largest KL.
 */
export function krzanowskiLaiK(e) {
  const w = inertiaByK(e);
  const kMax = Math.max(...w.keys());
  const p = e.features;
  const diff = (k) => (k - 1) ** (2 / p) * w.get(k - 1) - k ** (2 / p) * w.get(k);
  let best = null;
  for (let k = 2; k < kMax; k++) {
    const kl = Math.abs(diff(k) / diff(k + 1));
    if (Number.isFinite(kl) && (best === null || kl > best.kl)) best = { k, kl };
  }
  return best?.k ?? null;
}

/** Every candidate proposer by name. */
export const CANDIDATES = {
  "bic pooled": (e) => bicK(e, "pooled"),
  "bic spherical": (e) => bicK(e, "spherical"),
  "bic diagonal": (e) => bicK(e, "diagonal"),
  "ps 0.8": (e) => predictionStrengthK(e, 0.8),
  "ps 0.85": (e) => predictionStrengthK(e, 0.85),
  "ps 0.9": (e) => predictionStrengthK(e, 0.9),
  "ps 0.8 lower": (e) => predictionStrengthK(e, 0.8, true),
  hartigan: hartiganK,
  "krzanowski-lai": krzanowskiLaiK,
};
