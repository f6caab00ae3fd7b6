/**
 * The saved model the grade stage applies — everything needed to assign a
 * later table to the same clusters — and the check of every key grading
 * relies on, so a damaged or hand-edited model fails with a message naming
 * the key instead of scoring garbage. Reading it from a file is the
 * `model.json` artifact's job (`src/artifacts/model.ts`).
 */
import type { ScalerParameters } from "../prepare/types.js";
import * as msg from "../shared/messages/grade.js";

/** The saved model (model.json): everything needed to assign a later table to the same clusters. */
export interface SegworkModel {
  format: "segwork-model";
  formatVersion: 1;
  segworkVersion: string;
  fit: {
    command: string;
    source: string;
    rows: number;
    seed: number;
    restarts: number;
    maxIterations: number;
    tolerance: number;
    inertia: number;
    iterations: number;
    converged: boolean;
  };
  features: string[];
  scaler: ScalerParameters;
  k: number;
  orderedBy: string;
  clusters: {
    cluster: number;
    label: string;
    size: number;
    share: number;
    centroidScaled: number[];
    centroidOriginal: number[];
  }[];
}

const METHODS = ["zscore", "robust", "minmax", "none"] as const;

/**
 * Checks that `value` is a segwork model of format version 1 whose scaler and
 * centroids are consistent (one value per feature, finite numbers, non-zero
 * scales, clusters numbered 0..k−1 once each), and returns it typed.
 *
 * @throws SegworkError `grade.model-format`, `grade.model-version` or
 *   `grade.model-key` naming `file` and the offending key.
 * @example
 * const model = validateModel(JSON.parse(text), "model.json");
 * model.k // => 4
 */
export function validateModel(value: unknown, file: string): SegworkModel {
  if (!isObject(value)) throw msg.modelFormat(file, undefined);
  if (value.format !== "segwork-model") throw msg.modelFormat(file, value.format);
  if (value.formatVersion !== 1) throw msg.modelVersion(file, value.formatVersion);
  const bad = (key: string, expected: string, got: unknown) =>
    msg.modelKey(file, key, expected, got);

  if (typeof value.segworkVersion !== "string")
    throw bad("segworkVersion", "a string", value.segworkVersion);
  const fit = value.fit;
  if (!isObject(fit)) throw bad("fit", "an object", fit);
  if (typeof fit.source !== "string") throw bad("fit.source", "a string", fit.source);
  if (!isCount(fit.rows)) throw bad("fit.rows", "a whole number ≥ 0", fit.rows);

  const features = value.features;
  if (
    !Array.isArray(features) ||
    features.length === 0 ||
    !features.every((f) => typeof f === "string")
  ) {
    throw bad("features", "a non-empty list of column names", features);
  }
  const duplicate = features.find((f, i) => features.indexOf(f) !== i);
  if (duplicate !== undefined) throw bad("features", "a list of distinct column names", features);
  const d = features.length;

  const scaler = value.scaler;
  if (!isObject(scaler)) throw bad("scaler", "an object", scaler);
  if (!METHODS.includes(scaler.method as (typeof METHODS)[number])) {
    throw bad("scaler.method", `one of ${METHODS.join(", ")}`, scaler.method);
  }
  if (
    !Array.isArray(scaler.features) ||
    scaler.features.join("\u0000") !== features.join("\u0000")
  ) {
    throw bad(
      "scaler.features",
      `the same list as "features" (${features.join(", ")})`,
      scaler.features,
    );
  }
  if (!Array.isArray(scaler.log) || !scaler.log.every((f) => features.includes(f))) {
    throw bad("scaler.log", "a list of feature names", scaler.log);
  }
  checkNumbers(scaler.center, d, "scaler.center", bad);
  checkNumbers(scaler.scale, d, "scaler.scale", bad);
  (scaler.scale as number[]).forEach((s, j) => {
    if (s === 0) throw bad(`scaler.scale[${j}]`, "a non-zero number", s);
  });
  if (scaler.clip !== null) {
    const clip = scaler.clip;
    if (!isObject(clip))
      throw bad("scaler.clip", "null or an object with lower and upper bounds", clip);
    checkNumbers(clip.lower, d, "scaler.clip.lower", bad);
    checkNumbers(clip.upper, d, "scaler.clip.upper", bad);
    (clip.lower as number[]).forEach((lower, j) => {
      const upper = (clip.upper as number[])[j]!;
      if (lower > upper)
        throw bad(`scaler.clip.lower[${j}]`, `at most scaler.clip.upper[${j}] (${upper})`, lower);
    });
  }

  const k = value.k;
  if (!(typeof k === "number" && Number.isInteger(k) && k >= 1))
    throw bad("k", "a whole number ≥ 1", k);
  const clusters = value.clusters;
  if (!Array.isArray(clusters) || clusters.length !== k) {
    throw bad(
      "clusters",
      `a list of k = ${k} clusters`,
      Array.isArray(clusters) ? clusters.length : clusters,
    );
  }
  const seen = new Set<number>();
  clusters.forEach((c: unknown, i) => {
    const key = `clusters[${i}]`;
    if (!isObject(c)) throw bad(key, "an object", c);
    const n = c.cluster;
    if (!(typeof n === "number" && Number.isInteger(n) && n >= 0 && n < k) || seen.has(n)) {
      throw bad(`${key}.cluster`, `a cluster number 0..${k - 1} not used by another cluster`, n);
    }
    seen.add(n);
    if (typeof c.label !== "string") throw bad(`${key}.label`, "a string", c.label);
    if (!isCount(c.size)) throw bad(`${key}.size`, "a whole number ≥ 0", c.size);
    if (!(typeof c.share === "number" && c.share >= 0 && c.share <= 1)) {
      throw bad(`${key}.share`, "a number from 0 to 1", c.share);
    }
    checkNumbers(c.centroidScaled, d, `${key}.centroidScaled`, bad);
  });
  return value as unknown as SegworkModel;
}

/**
 * The model's centroids in scaled space as one k × d row-major array, row c
 * holding cluster number c (the file may list clusters in any order).
 *
 * @example
 * centroidMatrix(model).length // => model.k * model.features.length
 */
export function centroidMatrix(model: SegworkModel): Float64Array {
  const d = model.features.length;
  const out = new Float64Array(model.k * d);
  for (const c of model.clusters) out.set(c.centroidScaled, c.cluster * d);
  return out;
}

/**
 * Labels indexed by cluster number.
 *
 * @example
 * clusterLabels(model)[0] // => e.g. "Very high spend · Frequent · Recent"
 */
export function clusterLabels(model: SegworkModel): string[] {
  const labels = new Array<string>(model.k);
  for (const c of model.clusters) labels[c.cluster] = c.label;
  return labels;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function checkNumbers(
  value: unknown,
  length: number,
  key: string,
  bad: (key: string, expected: string, got: unknown) => Error,
): void {
  if (!Array.isArray(value) || value.length !== length) {
    throw bad(key, `a list of ${length} numbers, one per feature`, value);
  }
  value.forEach((v: unknown, j) => {
    if (!(typeof v === "number" && Number.isFinite(v)))
      throw bad(`${key}[${j}]`, "a finite number", v);
  });
}
