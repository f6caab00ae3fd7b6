#!/usr/bin/env node
/**
 * Exploration, not shipped: would Elkan's bounds (one lower bound per row
 * and centroid) make the gap's reference fits cheaper than Hamerly's (one
 * lower bound per row), which segwork's kernel uses? Both are written here
 * plainly in JavaScript, run from the same random centres on the same
 * uniform 20,000 × 8 set (a gap reference set), and must give the same
 * labels; it prints iterations, distance computations and time of each, and
 * the time of segwork's own fit (WebAssembly Hamerly, k-means++ seeding) for
 * scale. Results: bench/k-recovery/RESULTS.md (cost, this round).
 *
 *   node bench/k-recovery/bounds-probe.mjs
 */
import { performance } from "node:perf_hooks";
import { kmeans } from "../../dist/cluster/index.js";
import { Random } from "../../dist/shared/random.js";

const ROWS = 20_000;
const D = 8;
const random = new Random(99);
const X = Float64Array.from({ length: ROWS * D }, () => random.next() * 3.4 - 1.7);
// scikit-learn's tolerance 1e-4 × the mean variance (uniform on a 3.4-wide interval)
const TOLERANCE = 1e-4 * (3.4 ** 2 / 12);

function squaredDistance(i, C, j) {
  let s = 0;
  for (let f = 0; f < D; f++) s += (X[i * D + f] - C[j * D + f]) ** 2;
  return s;
}

/** Moves the centroids to their clusters' means; each centroid's drift and the summed squared shift. */
function updateCentroids(C, labels, k) {
  const sums = new Float64Array(k * D);
  const counts = new Float64Array(k);
  for (let i = 0; i < ROWS; i++) {
    counts[labels[i]]++;
    for (let f = 0; f < D; f++) sums[labels[i] * D + f] += X[i * D + f];
  }
  const drift = new Float64Array(k);
  let shift = 0;
  for (let j = 0; j < k; j++) {
    let moved = 0;
    for (let f = 0; f < D; f++) {
      const next = sums[j * D + f] / counts[j];
      moved += (next - C[j * D + f]) ** 2;
      C[j * D + f] = next;
    }
    drift[j] = Math.sqrt(moved);
    shift += moved;
  }
  return { drift, shift };
}

/** Distances between centroids, and half the distance of each to its nearest other. */
function centroidGaps(C, k) {
  const between = new Float64Array(k * k);
  const half = new Float64Array(k).fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      if (a === b) continue;
      let s = 0;
      for (let f = 0; f < D; f++) s += (C[a * D + f] - C[b * D + f]) ** 2;
      between[a * k + b] = Math.sqrt(s);
      half[a] = Math.min(half[a], between[a * k + b] / 2);
    }
  }
  return { between, half };
}

function hamerly(C, k) {
  const labels = new Int32Array(ROWS);
  const upper = new Float64Array(ROWS);
  const lower = new Float64Array(ROWS);
  let distances = 0;
  const scan = (i) => {
    let best = Infinity;
    let second = Infinity;
    let at = 0;
    for (let j = 0; j < k; j++) {
      const s = squaredDistance(i, C, j);
      distances++;
      if (s < best) [second, best, at] = [best, s, j];
      else if (s < second) second = s;
    }
    labels[i] = at;
    upper[i] = Math.sqrt(best);
    lower[i] = Math.sqrt(second);
  };
  for (let i = 0; i < ROWS; i++) scan(i);
  for (let iteration = 1; ; iteration++) {
    const { drift, shift } = updateCentroids(C, labels, k);
    let most = 0;
    let next = 0;
    let mostAt = -1;
    for (let j = 0; j < k; j++) {
      if (drift[j] > most) [next, most, mostAt] = [most, drift[j], j];
      else if (drift[j] > next) next = drift[j];
    }
    for (let i = 0; i < ROWS; i++) {
      upper[i] += drift[labels[i]];
      lower[i] -= labels[i] === mostAt ? next : most;
    }
    if (shift <= TOLERANCE) return { labels, distances, iterations: iteration };
    const { half } = centroidGaps(C, k);
    let changed = 0;
    for (let i = 0; i < ROWS; i++) {
      const old = labels[i];
      const bound = Math.max(half[old], lower[i]);
      if (upper[i] <= bound) continue;
      upper[i] = Math.sqrt(squaredDistance(i, C, old));
      distances++;
      if (upper[i] <= bound) continue;
      scan(i);
      if (labels[i] !== old) changed++;
    }
    if (changed === 0) {
      updateCentroids(C, labels, k);
      return { labels, distances, iterations: iteration };
    }
  }
}

function elkan(C, k) {
  const labels = new Int32Array(ROWS);
  const upper = new Float64Array(ROWS);
  const lower = new Float64Array(ROWS * k);
  let distances = 0;
  for (let i = 0; i < ROWS; i++) {
    let best = Infinity;
    for (let j = 0; j < k; j++) {
      const s = Math.sqrt(squaredDistance(i, C, j));
      distances++;
      lower[i * k + j] = s;
      if (s < best) [best, labels[i]] = [s, j];
    }
    upper[i] = best;
  }
  for (let iteration = 1; ; iteration++) {
    const { drift, shift } = updateCentroids(C, labels, k);
    for (let i = 0; i < ROWS; i++) {
      upper[i] += drift[labels[i]];
      for (let j = 0; j < k; j++) lower[i * k + j] -= drift[j];
    }
    if (shift <= TOLERANCE) return { labels, distances, iterations: iteration };
    const { between, half } = centroidGaps(C, k);
    let changed = 0;
    for (let i = 0; i < ROWS; i++) {
      let at = labels[i];
      if (upper[i] <= half[at]) continue;
      let tight = false;
      for (let j = 0; j < k; j++) {
        if (j === at) continue;
        const bound = Math.max(lower[i * k + j], between[at * k + j] / 2);
        if (upper[i] <= bound) continue;
        if (!tight) {
          upper[i] = lower[i * k + at] = Math.sqrt(squaredDistance(i, C, at));
          distances++;
          tight = true;
          if (upper[i] <= bound) continue;
        }
        const s = (lower[i * k + j] = Math.sqrt(squaredDistance(i, C, j)));
        distances++;
        if (s < upper[i]) [at, upper[i]] = [j, s];
      }
      if (at !== labels[i]) [labels[i], changed] = [at, changed + 1];
    }
    if (changed === 0) {
      updateCentroids(C, labels, k);
      return { labels, distances, iterations: iteration };
    }
  }
}

function timed(f) {
  const t0 = performance.now();
  const result = f();
  return { ...result, ms: performance.now() - t0 };
}

for (const k of [5, 10]) {
  for (let replicate = 0; replicate < 3; replicate++) {
    const start = new Float64Array(k * D);
    for (let j = 0; j < k; j++) {
      const row = random.int(ROWS);
      start.set(X.subarray(row * D, row * D + D), j * D);
    }
    const h = timed(() => hamerly(Float64Array.from(start), k));
    const e = timed(() => elkan(Float64Array.from(start), k));
    const same = h.labels.every((label, i) => label === e.labels[i]);
    const own = timed(() =>
      kmeans({ data: X, rows: ROWS, cols: D }, { k, restarts: 1, seed: replicate }),
    );
    console.log(
      `k = ${k}: ${h.iterations} iterations; distances Hamerly ${(h.distances / 1e6).toFixed(2)} M, ` +
        `Elkan ${(e.distances / 1e6).toFixed(2)} M; time Hamerly ${h.ms.toFixed(0)} ms, Elkan ${e.ms.toFixed(0)} ms; ` +
        `same labels: ${same}  (segwork's own fit: ${own.ms.toFixed(0)} ms, ${own.iterations} iterations)`,
    );
  }
}
