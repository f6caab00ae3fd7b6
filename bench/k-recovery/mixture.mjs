#!/usr/bin/env node
/**
 * Exploration, not shipped: would a real Gaussian mixture fitted by EM find
 * the planted k where the K-Means indices miss it — above all on clusters
 * 2.5 sd apart, where they overlap? For every table of the suite and
 * k = 1..10 it fits, by EM from the K-Means partition at k (10 restarts), a
 * Gaussian mixture with a spherical or a diagonal covariance per cluster,
 * each with or without a uniform noise component over the data's bounding
 * box (Banfield & Raftery 1993, as mclust's "noise"), and takes the k of the
 * highest BIC (2 log L − p ln n). It prints, on the DEVELOPMENT halves only,
 * the hits of each model as a single index, of the vote with the mixture's
 * BIC curve in place of the K-Means BIC's, and of a two-regime rule (the
 * mixture's k when the best silhouette is low, the vote's otherwise).
 * Results: bench/k-recovery/RESULTS.md ("a Gaussian mixture by EM").
 *
 *   node bench/k-recovery/mixture.mjs [--shard i/n]   # fit and cache (about 3 minutes in two shards)
 *   node bench/k-recovery/mixture.mjs --score          # the tables, from the cache
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { kmeans } from "../../dist/cluster/index.js";
import { meanAbsoluteSkewnessOfSums } from "../../dist/evaluate/cluster-skewness.js";
import { voteK } from "../../dist/evaluate/vote.js";
import { K_MAX, RESTARTS } from "./evidence.mjs";
import { loadEvidence, OUT } from "./gather.mjs";
import { evidenceOf } from "./score.mjs";
import { makeTable, nullDesign, suiteDesign, SUITE_VERSION } from "./suite.mjs";

const MODELS = ["spherical", "diagonal", "spherical + noise", "diagonal + noise"];
const MAX_EM_ITERATIONS = 300;
const RELATIVE_TOLERANCE = 1e-7;
/** Variances are kept above this (z-scored data), so a component cannot collapse onto one row. */
const VARIANCE_FLOOR = 1e-6;

/**
 * BIC of a Gaussian mixture fitted by EM from the hard partition `labels`
 * (responsibilities 1, or 0.95 with 0.05 to the noise component); null when
 * a component empties.
 */
export function mixtureBic(matrix, labels, k, { diagonal, noise }) {
  const { data: X, rows: n, cols: d } = matrix;
  let logVolume = 0;
  for (let f = 0; f < d; f++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, X[i * d + f]);
      hi = Math.max(hi, X[i * d + f]);
    }
    logVolume += Math.log(hi - lo);
  }
  const weight = new Float64Array(k);
  const mean = new Float64Array(k * d);
  const variance = new Float64Array(k * d);
  const resp = new Float64Array(n * k);
  const noiseResp = new Float64Array(n).fill(noise ? 0.05 : 0);
  for (let i = 0; i < n; i++) resp[i * k + labels[i]] = noise ? 0.95 : 1;
  let noiseWeight = noise ? 0.05 : 0;
  let previous = -Infinity;
  let logL = -Infinity;
  for (let iteration = 0; iteration < MAX_EM_ITERATIONS; iteration++) {
    // M step
    weight.fill(0);
    mean.fill(0);
    variance.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < k; j++) {
        const r = resp[i * k + j];
        weight[j] += r;
        for (let f = 0; f < d; f++) mean[j * d + f] += r * X[i * d + f];
      }
    }
    for (let j = 0; j < k; j++) {
      if (weight[j] < 1e-9) return null;
      for (let f = 0; f < d; f++) mean[j * d + f] /= weight[j];
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < k; j++) {
        const r = resp[i * k + j];
        for (let f = 0; f < d; f++)
          variance[j * d + f] += r * (X[i * d + f] - mean[j * d + f]) ** 2;
      }
    }
    for (let j = 0; j < k; j++) {
      let pooled = 0;
      for (let f = 0; f < d; f++) pooled += variance[j * d + f];
      for (let f = 0; f < d; f++) {
        const v = diagonal ? variance[j * d + f] / weight[j] : pooled / (weight[j] * d);
        variance[j * d + f] = Math.max(v, VARIANCE_FLOOR);
      }
    }
    if (noise) {
      noiseWeight = Math.max(noiseResp.reduce((a, b) => a + b, 0) / n, 1e-9);
    }
    for (let j = 0; j < k; j++) weight[j] /= n;
    // E step
    const constant = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      let c = Math.log(weight[j]);
      for (let f = 0; f < d; f++) c -= 0.5 * Math.log(2 * Math.PI * variance[j * d + f]);
      constant[j] = c;
    }
    const noiseLog = noise ? Math.log(noiseWeight) - logVolume : -Infinity;
    logL = 0;
    for (let i = 0; i < n; i++) {
      let top = noiseLog;
      for (let j = 0; j < k; j++) {
        let s = constant[j];
        for (let f = 0; f < d; f++)
          s -= (0.5 * (X[i * d + f] - mean[j * d + f]) ** 2) / variance[j * d + f];
        resp[i * k + j] = s;
        top = Math.max(top, s);
      }
      let total = noise ? Math.exp(noiseLog - top) : 0;
      for (let j = 0; j < k; j++) total += resp[i * k + j] = Math.exp(resp[i * k + j] - top);
      for (let j = 0; j < k; j++) resp[i * k + j] /= total;
      if (noise) noiseResp[i] = Math.exp(noiseLog - top) / total;
      logL += top + Math.log(total);
    }
    if (Math.abs(logL - previous) < RELATIVE_TOLERANCE * Math.abs(logL)) break;
    previous = logL;
  }
  const parameters = (noise ? 1 : 0) + k - 1 + k * d + (diagonal ? k * d : k);
  return 2 * logL - parameters * Math.log(n);
}

function cacheFile(i, n) {
  return path.join(OUT, `mixture-${i}of${n}.json`);
}

function fitShard([i, n]) {
  mkdirSync(OUT, { recursive: true });
  const curves = {};
  for (const design of [...suiteDesign(), ...nullDesign()]) {
    if (design.id % n !== i) continue;
    const { matrix, seed } = makeTable(design);
    const labels = [new Int32Array(matrix.rows)];
    for (let k = 2; k <= K_MAX; k++)
      labels.push(kmeans(matrix, { k, restarts: RESTARTS, seed }).labels);
    curves[design.id] = Object.fromEntries(
      MODELS.map((model) => [
        model,
        labels.map((l, at) =>
          mixtureBic(matrix, l, at + 1, {
            diagonal: model.startsWith("diagonal"),
            noise: model.endsWith("noise"),
          }),
        ),
      ]),
    );
  }
  writeFileSync(cacheFile(i, n), JSON.stringify({ suiteVersion: SUITE_VERSION, curves }) + "\n");
  console.log(`${Object.keys(curves).length} tables → ${cacheFile(i, n)}`);
}

function readCurves() {
  const curves = {};
  for (const name of existsSync(OUT) ? readdirSync(OUT) : []) {
    if (!/^mixture-\d+of\d+\.json$/.test(name)) continue;
    const cache = JSON.parse(readFileSync(path.join(OUT, name), "utf8"));
    if (cache.suiteVersion === SUITE_VERSION) Object.assign(curves, cache.curves);
  }
  return curves;
}

/** k of the highest BIC (the smaller on a tie; an empty component counts as −∞). */
const peak = (curve) =>
  curve.reduce((best, v, at) => ((v ?? -Infinity) > (curve[best] ?? -Infinity) ? at : best), 0) + 1;

function skewnessAt(e, k) {
  if (k < 2) return undefined;
  const shape = e.shapes.find((s) => s.k === k);
  const v = meanAbsoluteSkewnessOfSums(
    shape.sizes,
    shape.withinByFeature.flat(),
    shape.cubedByFeature.flat(),
    e.features,
  );
  return Number.isFinite(v) ? v : undefined;
}

/** The vote with the mixture's BIC curve where the K-Means BIC's was (its skewness check kept). */
function voteWithMixture(e, curve) {
  const bestK = peak(curve);
  const bic = {
    bestK,
    k: curve.map((_, at) => at + 1),
    bic: curve.map((v) => v ?? -1e300),
    skewness: skewnessAt(e, bestK),
  };
  return voteK({ ...evidenceOf(e), bic }).recommendedK;
}

function score() {
  const curves = readCurves();
  const evidence = loadEvidence({ gather: false, log: () => {} });
  const missing = evidence.filter((e) => !curves[e.id]).length;
  if (missing > 0)
    throw new Error(`${missing} tables have no mixture fits; run with --shard first`);
  for (const family of ["round", "skewed"]) {
    const tables = evidence.filter(
      (e) => e.half === "dev" && ((e.shape ?? "round") === "round") === (family === "round"),
    );
    const rows = [];
    const line = (name, pick) => {
      const hits = { 2.5: 0, 4: 0, 6: 0 };
      for (const e of tables) if (pick(e) === e.plantedK) hits[e.separation]++;
      rows.push(
        `| ${name} | ${hits[2.5] + hits[4] + hits[6]}/${tables.length} | ${hits[2.5]} | ${hits[4]} | ${hits[6]} |`,
      );
    };
    line("the vote (shipped)", (e) => voteK(evidenceOf(e)).recommendedK);
    for (const model of MODELS)
      line(`EM mixture, ${model}, alone`, (e) => peak(curves[e.id][model]));
    for (const model of ["spherical + noise", "diagonal + noise"])
      line(`the vote, BIC := EM ${model}`, (e) => voteWithMixture(e, curves[e.id][model]));
    for (const threshold of [0.2, 0.3, 0.4])
      line(`EM spherical + noise when best silhouette < ${threshold}, else the vote`, (e) =>
        Math.max(...e.sweep.map((r) => r.silhouette)) < threshold
          ? peak(curves[e.id]["spherical + noise"])
          : voteK(evidenceOf(e)).recommendedK,
      );
    console.log(
      `\n${family} clusters, development half (${tables.length} tables, 24 per separation)\n`,
    );
    console.log(
      "| proposer | all | sep 2.5 | sep 4 | sep 6 |\n|---|--:|--:|--:|--:|\n" + rows.join("\n"),
    );
  }
}

const { values } = parseArgs({
  options: { shard: { type: "string" }, score: { type: "boolean", default: false } },
});
if (values.score) score();
else fitShard((values.shard ?? "0/1").split("/").map(Number));
