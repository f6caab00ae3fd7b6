/**
 * The whole-set tasks of the resampling indices: one gap reference set (draw,
 * cluster for k = 2..K, log W) and one stability resample (cluster the drawn
 * rows for every k). Each task reads only its input and writes only its own
 * slice of a shared output, so the calling thread and the workers of
 * `set-pool.ts` run the very same function and the result never depends on
 * which thread ran which task, or on how many there were.
 */
import { KMeansWorkspace } from "../cluster/index.js";
import { takeRows, type DenseMatrix } from "../shared/matrix.js";
import { Random } from "../shared/random.js";
import { drawReference, type ReferenceFrame } from "./gap-reference.js";
import { deriveSeed, fitLabels, type ResampleFit } from "./resampling.js";
import type { Labeling } from "./silhouette-sums.js";
import { withinDispersion } from "./within-dispersion.js";

/** K-Means settings of every fit of a task (each fit runs on one thread). */
export type TaskFit = Omit<ResampleFit, "workspace">;

/** Gap reference sets b = 1..B: task t draws and clusters set t + 1. */
export interface GapReferenceInput {
  frame: ReferenceFrame;
  rows: number;
  kMax: number;
  dPower: number;
  seed: number;
  fit: TaskFit;
  /** log W*(k) of every set, B × kMax row-major; task t writes row t. */
  out: Float64Array;
}

/** Bootstrap resamples b = 1..B: task t clusters resample t + 1. */
export interface StabilityResampleInput {
  data: DenseMatrix;
  ks: readonly number[];
  seed: number;
  fit: TaskFit;
  /** The drawn rows of every resample, one after the other; resample t is drawn[offsets[t] .. offsets[t + 1]). */
  drawn: Int32Array;
  offsets: Int32Array;
  /** Resample t's labels for ks[l] at offsets[t]·ks.length + l·(its row count), one per drawn row. */
  labels: Int32Array;
}

/** Every task kind with its input. */
export interface SetTaskInputs {
  gapReference: GapReferenceInput;
  stabilityResample: StabilityResampleInput;
}

export type SetTaskKind = keyof SetTaskInputs;

/**
 * The seed of gap reference set b's uniform draws. Each set has its own
 * stream so that sets can be drawn on any thread in any order.
 *
 * @example
 * referenceDrawSeed(7, 1) === referenceDrawSeed(7, 1); // => true
 */
export function referenceDrawSeed(seed: number, set: number): number {
  // The fits use deriveSeed(seed, set, k) with k ≥ 2; k = 0 is free for the draws.
  return deriveSeed(seed, set, 0);
}

/**
 * log W(k) for k = 1..kMax of one set, the k ≥ 2 labelings from `labelsFor`
 * (R's inner `W.k`).
 *
 * @example
 * logDispersions(m, 3, 1, (k) => kmeans(m, { k, seed: 1 }).labels); // => Float64Array [logW(1), logW(2), logW(3)]
 */
export function logDispersions(
  m: DenseMatrix,
  kMax: number,
  dPower: number,
  labelsFor: (k: number) => Int32Array,
): Float64Array {
  const labelings: Labeling[] = [{ labels: new Int32Array(m.rows), k: 1 }];
  for (let k = 2; k <= kMax; k++) labelings.push({ labels: labelsFor(k), k });
  return withinDispersion(m, labelings, dPower).map(Math.log);
}

/** Clusters one set into k groups: `set` is the reference set or resample number (1..B). */
export type SetClusterer = (m: DenseMatrix, k: number, set: number) => Int32Array;

/**
 * Draws gap reference set `set` (1..B) from its own stream, clusters it with
 * `cluster` for k = 2..kMax and writes its log W*(k) to row set − 1 of
 * `input.out`. The worker task and a caller's own clusterer share it.
 *
 * @example
 * gapReferenceSet(input, 1, (z, k) => kmeans(z, { k }).labels); // input.out[0 .. kMax) = log W* of set 1
 */
export function gapReferenceSet(
  input: GapReferenceInput,
  set: number,
  cluster: SetClusterer,
): void {
  const draws = new Random(referenceDrawSeed(input.seed, set));
  const z = drawReference(input.frame, input.rows, () => draws.next());
  const logW = logDispersions(z, input.kMax, input.dPower, (k) => cluster(z, k, set));
  input.out.set(logW, (set - 1) * input.kMax);
}

/**
 * Clusters bootstrap resample `set` (1..B, its rows `input.drawn` from
 * `offsets[set − 1]`) with `cluster` for every k of `input.ks`, writing the
 * labels to its slice of `input.labels`.
 *
 * @example
 * stabilityResampleSet(input, 1, (m, k) => kmeans(m, { k }).labels);
 */
export function stabilityResampleSet(
  input: StabilityResampleInput,
  set: number,
  cluster: SetClusterer,
): void {
  const { offsets, ks } = input;
  const drawn = input.drawn.subarray(offsets[set - 1]!, offsets[set]!);
  const resample = takeRows(input.data, drawn);
  ks.forEach((k, l) => {
    input.labels.set(cluster(resample, k, set), offsets[set - 1]! * ks.length + l * drawn.length);
  });
}

/** The default clusterer of a task: K-Means with the task's settings, seeded per (set, k). */
function seededFits(seed: number, fit: TaskFit, workspace: KMeansWorkspace): SetClusterer {
  const withWorkspace = { ...fit, workspace };
  return (m, k, set) => fitLabels(m, k, deriveSeed(seed, set, k), withWorkspace);
}

function gapReference(input: GapReferenceInput, task: number, workspace: KMeansWorkspace): void {
  gapReferenceSet(input, task + 1, seededFits(input.seed, input.fit, workspace));
}

function stabilityResample(
  input: StabilityResampleInput,
  task: number,
  workspace: KMeansWorkspace,
): void {
  stabilityResampleSet(input, task + 1, seededFits(input.seed, input.fit, workspace));
}

const TASKS: {
  [K in SetTaskKind]: (input: SetTaskInputs[K], task: number, workspace: KMeansWorkspace) => void;
} = { gapReference, stabilityResample };

/**
 * Runs task `task` (0-based) of a job of kind `kind`, writing its slice of
 * the job's output.
 *
 * @example
 * runSetTask("gapReference", input, 0, new KMeansWorkspace()); // input.out[0 .. kMax) = log W* of set 1
 */
export function runSetTask<K extends SetTaskKind>(
  kind: K,
  input: SetTaskInputs[K],
  task: number,
  workspace: KMeansWorkspace,
): void {
  TASKS[kind](input, task, workspace);
}
