/**
 * The k-recovery suite: seeded client-like tables with a planted number of
 * clusters, spanning the conditions of issue 13.
 *
 * Design: every planted k = 2..9 crossed with every separation 2.5 / 4 / 6
 * (within-cluster sd between the two closest cluster centres), six
 * replicates each, in two families of 144 tables: round clusters (the
 * issue's conditions) and right-skewed ones (version 6; see SHAPES). The
 * replicates of a (k, separation) cell are split between a development half
 * and a held-out half by the parity of cell + replicate, so each half holds
 * 72 tables of each family and every cell appears in both. Beside them, 16
 * tables without clusters per family. The other conditions are drawn per
 * table from its seed:
 *
 * - features 2..12;
 * - rows 400..1,000 (modest, so the whole suite runs in minutes on a loaded
 *   2-core machine), cluster sizes in a geometric progression from 1 to a
 *   ratio of 1, 2, 5 or 10 (largest : smallest), shuffled;
 * - 0–2 "money" columns per table, stored log-normal as spend is: exp(a +
 *   b·(z − z₀)), z₀ the lowest cluster centre in that column, so the
 *   cheapest cluster's median spend is e^a with a in [1.5, 4] (≈ 4.5 to 55)
 *   and b in [0.3, 1] the log-sd within a cluster; the pipeline's log1p
 *   gives a + b·(z − z₀) back except at the low end, which it squeezes (the
 *   lower tail of the cheapest cluster);
 * - 0, 1, 2 or 3 % uniform noise rows over the clusters' bounding box (in
 *   the latent space, then stored the same way), labelled −1;
 *
 * Within a cluster the latent values are independent standard normals
 * (round) or standardized gamma deviations (skewed), mean 0 and sd 1.
 * Cluster centres are placed one by one uniformly in a cube, each at least
 * the separation from those before (up to 2,000 tries, then the cube grows),
 * and the whole layout is scaled so that the closest pair is exactly the
 * separation apart.
 *
 * The pipeline is the one the issue names: log1p on the money columns, then
 * z-scores (population sd, as segwork's `prepare`).
 */
import { Random } from "../../dist/shared/random.js";

export const SUITE_VERSION = 6;
export const SEPARATIONS = [2.5, 4, 6];
export const PLANTED_K = [2, 3, 4, 5, 6, 7, 8, 9];
export const REPLICATES = 6;
const BASE_SEED = 20261213;

/**
 * The within-cluster shapes: "round" (standard normal deviations, the
 * issue's conditions) and right-skewed standardized gamma deviations of
 * shape 2 (skewness 1.41) and 1 (skewness 2, an exponential), as spend and
 * order counts are skewed within a real segment and no log undoes it.
 */
export const SHAPES = {
  round: undefined,
  gamma2: { shape: 2 },
  gamma1: { shape: 1 },
};

/** Planted-k tables per shape family: round, and skewed (half gamma2, half gamma1). */
const PLANTED_PER_FAMILY = PLANTED_K.length * SEPARATIONS.length * REPLICATES;
/** Tables without clusters per family (one blob, with the same noise and money columns). */
export const NULL_TABLES = 16;

/**
 * Every planted-k table's design (no data yet): id, planted k, separation,
 * shape, half, seed. Round tables have ids 0..143 (suite version 5's, same
 * seeds), skewed ones 160..303 (ids 144..159 are the round tables without
 * clusters): in each (k, separation) cell, replicates 0–2 are gamma2 and
 * 3–5 gamma1.
 *
 * @returns {{ id: number, k: number, separation: number, replicate: number, shape: "round" | "gamma2" | "gamma1", half: "dev" | "held-out", seed: number }[]}
 */
export function suiteDesign() {
  return [
    ...plantedFamily(0, () => "round"),
    ...plantedFamily(PLANTED_PER_FAMILY + NULL_TABLES, (replicate) =>
      replicate < REPLICATES / 2 ? "gamma2" : "gamma1",
    ),
  ];
}

function plantedFamily(firstId, shapeOf) {
  const tables = [];
  let cell = 0;
  for (const k of PLANTED_K) {
    for (const separation of SEPARATIONS) {
      for (let replicate = 0; replicate < REPLICATES; replicate++) {
        const id = firstId + tables.length;
        tables.push({
          id,
          k,
          separation,
          replicate,
          shape: shapeOf(replicate),
          half: (cell + replicate) % 2 === 0 ? "dev" : "held-out",
          seed: (BASE_SEED + 7919 * id) >>> 0,
        });
      }
      cell++;
    }
  }
  return tables;
}

/**
 * The designs of the tables without cluster structure: planted k = 1, half
 * "null"; 16 round blobs (ids 144..159) and 16 skewed ones (ids 304..319,
 * 8 gamma2 then 8 gamma1).
 */
export function nullDesign() {
  const roundFirst = PLANTED_PER_FAMILY;
  const skewedFirst = 2 * PLANTED_PER_FAMILY + NULL_TABLES;
  const blob = (id, i, shape) => ({
    id,
    k: 1,
    separation: 0,
    replicate: i,
    shape,
    half: "null",
    seed: (BASE_SEED + 7919 * id) >>> 0,
  });
  return [
    ...Array.from({ length: NULL_TABLES }, (_, i) => blob(roundFirst + i, i, "round")),
    ...Array.from({ length: NULL_TABLES }, (_, i) =>
      blob(skewedFirst + i, i, i < NULL_TABLES / 2 ? "gamma2" : "gamma1"),
    ),
  ];
}

/**
 * One table of the suite, prepared: the z-scored matrix and each row's
 * planted cluster (−1 for noise rows), with the conditions drawn.
 */
export function makeTable(design) {
  const rng = new Random(design.seed);
  const { k, separation } = design;
  const features = 2 + rng.int(11);
  const rows = 400 + rng.int(601);
  const ratio = [1, 2, 5, 10][rng.int(4)];
  const noiseShare = [0, 0.01, 0.02, 0.03][rng.int(4)];
  const moneyColumns = Math.min(features, rng.int(3));

  const centres = placeCentres(k, features, separation, rng);
  const weights = Array.from({ length: k }, (_, c) => (k === 1 ? 1 : ratio ** (c / (k - 1))));
  shuffle(weights, rng);
  const total = weights.reduce((a, b) => a + b, 0);
  const noiseRows = Math.round(rows * noiseShare);
  const clusterRows = rows - noiseRows;
  const sizes = weights.map((w) => Math.max(2, Math.round((clusterRows * w) / total)));

  const latent = [];
  const truth = [];
  sizes.forEach((size, c) => {
    for (let i = 0; i < size; i++) {
      latent.push(centres[c].map((v) => v + withinDraw(SHAPES[design.shape ?? "round"], rng)));
      truth.push(c);
    }
  });
  const lo = Array.from({ length: features }, (_, f) => Math.min(...latent.map((r) => r[f])));
  const hi = Array.from({ length: features }, (_, f) => Math.max(...latent.map((r) => r[f])));
  for (let i = 0; i < noiseRows; i++) {
    latent.push(lo.map((l, f) => l + (hi[f] - l) * rng.next()));
    truth.push(-1);
  }
  // Money columns: stored log-normal, log1p'd back by the pipeline.
  const money = Array.from({ length: moneyColumns }, () => ({
    a: 1.5 + 2.5 * rng.next(),
    b: 0.3 + 0.7 * rng.next(),
  }));
  const lowestCentre = Array.from({ length: features }, (_, f) =>
    Math.min(...centres.map((c) => c[f])),
  );
  // Row order shuffled so that no index sees the clusters in blocks.
  const order = Array.from({ length: latent.length }, (_, i) => i);
  shuffle(order, rng);
  const n = latent.length;
  const data = new Float64Array(n * features);
  const labels = new Int32Array(n);
  order.forEach((from, i) => {
    labels[i] = truth[from];
    for (let f = 0; f < features; f++) {
      let v = latent[from][f];
      if (f < moneyColumns) {
        // stored spend exp(a + b·(v − z₀)); log1p takes it back to ≈ a + b·(v − z₀)
        v = Math.log1p(Math.exp(money[f].a + money[f].b * (v - lowestCentre[f])));
      }
      data[i * features + f] = v;
    }
  });
  zScore(data, n, features);
  return {
    ...design,
    features,
    rows: n,
    ratio,
    noiseShare,
    moneyColumns,
    matrix: { data, rows: n, cols: features },
    truth: labels,
  };
}

/**
 * One within-cluster deviation, mean 0 and sd 1: a standard normal (the
 * round tables), or a right-skewed standardized gamma (`{ shape }`:
 * skewness 2/√shape, the skewed tables).
 */
function withinDraw(within, rng) {
  if (within === undefined) return rng.normal();
  let g = 0;
  for (let i = 0; i < within.shape; i++) g -= Math.log(1 - rng.next());
  return (g - within.shape) / Math.sqrt(within.shape);
}

function placeCentres(k, d, separation, rng) {
  let side = separation * Math.max(2, Math.ceil(k ** (1 / d))) * 1.5;
  const centres = [];
  let tries = 0;
  while (centres.length < k) {
    const candidate = Array.from({ length: d }, () => side * rng.next());
    if (centres.every((c) => distance(c, candidate) >= separation)) centres.push(candidate);
    else if (++tries > 2000) {
      side *= 1.25;
      tries = 0;
    }
  }
  let closest = Infinity;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) closest = Math.min(closest, distance(centres[a], centres[b]));
  }
  const scale = separation / closest;
  return centres.map((c) => c.map((v) => v * scale));
}

function distance(a, b) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
}

function shuffle(values, rng) {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [values[i], values[j]] = [values[j], values[i]];
  }
}

/** Column z-scores in place, population sd (segwork's `prepare`, scikit-learn's StandardScaler). */
export function zScore(data, n, d) {
  for (let f = 0; f < d; f++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * d + f];
    mean /= n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (data[i * d + f] - mean) ** 2;
    const sd = Math.sqrt(squares / n) || 1;
    for (let i = 0; i < n; i++) data[i * d + f] = (data[i * d + f] - mean) / sd;
  }
}
