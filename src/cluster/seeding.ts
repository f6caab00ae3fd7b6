/**
 * Greedy k-means++ seeding, as scikit-learn's `_kmeans_plusplus`
 * (sklearn/cluster/_kmeans.py): the first centre is a uniformly drawn row;
 * each next centre is the best of `2 + floor(ln k)` candidates drawn with
 * probability ∝ D(x)² (squared distance to the nearest centre so far), "best"
 * meaning the one that leaves the smallest potential Σ D(x)².
 *
 * All candidates of a step are scored in one branch-free pass over the
 * row-major data, each row held in registers and one accumulator per
 * candidate (nothing is copied per candidate, and no candidate × rows
 * distance matrix is stored); the chosen one is then folded into the
 * closest distances in a second pass. Instead of a cumulative-sum array over
 * all rows, a draw first finds its chunk from the per-chunk potentials and
 * then walks that chunk only.
 */
import type { DenseMatrix } from "../shared/matrix.js";
import type { Random } from "../shared/random.js";
import { Command, Scalar, squaredDistanceAt, type KernelState } from "./kernels.js";
import { createKernelState, serialRunner, type ChunkRunner } from "./state.js";
import { validateK, validateMatrix, validatePositiveInteger } from "./validate.js";

/** Candidates per step when none is given: scikit-learn's `2 + int(np.log(k))`. */
export function defaultTrials(k: number): number {
  return 2 + Math.floor(Math.log(k));
}

/** Centres chosen by {@link kmeansPlusPlus}. */
export interface Seeding {
  /** k × cols, row-major: copies of the chosen rows. */
  centroids: Float64Array;
  /** The row each centre was copied from. */
  indices: Int32Array;
}

/**
 * Index of the row where the running sum of the seeding weights first
 * exceeds `target` (0 ≤ target < their sum), given the per-chunk totals of
 * the weights. The weight of row i is `state.closest[i]`, or — while the
 * last chosen centre (`pendingRow`, ≥ 0) is not yet folded into `closest` —
 * min(closest[i], its squared distance to that centre), computed here for
 * the one chunk walked, with the kernels' arithmetic (the same bits).
 */
function drawRow(
  state: KernelState,
  chunkTotals: Float64Array,
  target: number,
  pendingRow: number,
): number {
  const { closest, X, d } = state;
  let before = 0;
  let chunk = -1;
  for (let c = 0; c < state.chunkCount; c++) {
    const after = before + chunkTotals[c]!;
    if (after > target) {
      chunk = c;
      break;
    }
    before = after;
  }
  if (chunk < 0) {
    // target ≥ the total through rounding: take the last chunk with weight.
    for (let c = state.chunkCount - 1; c >= 0 && chunk < 0; c--) if (chunkTotals[c]! > 0) chunk = c;
    before = -Infinity;
  }
  const start = chunk * state.chunkRows;
  const end = Math.min(state.n, start + state.chunkRows);
  let running = before;
  let lastWithWeight = start;
  for (let i = start; i < end; i++) {
    let w = closest[i]!;
    if (pendingRow >= 0) {
      const s = squaredDistanceAt(X, i, X, pendingRow, d);
      if (s < w) w = s;
    }
    if (w > 0) lastWithWeight = i;
    running += w;
    if (running > target) return i;
  }
  return lastWithWeight;
}

/**
 * Seeds `k` centres into `state.centroids` (and returns them with their row
 * indices) with the given runner. The state must have been created with
 * `maxTrials ≥ trials`.
 *
 * Passes over the data: one for the first centre, then one per further
 * centre — each step's scoring pass also folds the previous step's chosen
 * centre into the closest distances (`Scalar.pendingCentre`). The draws and
 * choices are those of a separate accept pass per centre, bit for bit.
 *
 * With `finish`, a last pass folds in the last centre and leaves the first
 * assignment of a K-Means run in the state (labels, chunk sums and counts,
 * Hamerly's bounds; see `Command.seedFinish`): seeding has already measured
 * every row's distance to every centre, so the run's first pass over k
 * centres is not needed. Without it the last choice is never folded in.
 */
export function seedInto(
  state: KernelState,
  runner: ChunkRunner,
  rng: Random,
  trials: number,
  finish = false,
): Seeding {
  const { n, d, k, X, scalars, candidates } = state;
  const centroids = new Float64Array(k * d);
  const indices = new Int32Array(k);
  const chunkTotals = new Float64Array(state.chunkCount);
  const take = (centre: number, row: number): void => {
    indices[centre] = row;
    centroids.set(X.subarray(row * d, row * d + d), centre * d);
  };

  // The first accept sets every row's distance to centre 0.
  const first = rng.int(n);
  take(0, first);
  candidates.set(X.subarray(first * d, first * d + d), 0);
  scalars[Scalar.pendingCentre] = 0;
  runner.run(Command.seedAccept);
  let potential = 0;
  for (let c = 0; c < state.chunkCount; c++) {
    chunkTotals[c] = state.chunkScalars[c * state.scalarStride]!;
    potential += chunkTotals[c]!;
  }

  let pendingRow = -1;
  const candidateRows = new Int32Array(trials);
  const potentials = new Float64Array(trials);
  for (let centre = 1; centre < k; centre++) {
    for (let t = 0; t < trials; t++) {
      // All points coincide with the centres so far: any row will do.
      candidateRows[t] =
        potential > 0
          ? drawRow(state, chunkTotals, rng.next() * potential, pendingRow)
          : rng.int(n);
    }
    if (pendingRow >= 0) candidates.set(X.subarray(pendingRow * d, pendingRow * d + d), 0);
    for (let t = 0; t < trials; t++) {
      const row = candidateRows[t]!;
      candidates.set(X.subarray(row * d, row * d + d), (t + 1) * d);
    }
    scalars[Scalar.trials] = trials;
    scalars[Scalar.pendingCentre] = pendingRow >= 0 ? 1 : 0;
    scalars[Scalar.pendingIndex] = centre - 1;
    runner.run(Command.seedScore);
    potentials.fill(0);
    for (let c = 0; c < state.chunkCount; c++) {
      for (let t = 0; t < trials; t++)
        potentials[t] += state.chunkScalars[c * state.scalarStride + t]!;
    }
    let best = 0;
    for (let t = 1; t < trials; t++) if (potentials[t]! < potentials[best]!) best = t;
    // The chosen candidate's chunk potentials are the chunk totals of the
    // closest distances once it is folded in: the weights of the next draws.
    for (let c = 0; c < state.chunkCount; c++)
      chunkTotals[c] = state.chunkScalars[c * state.scalarStride + best]!;
    potential = potentials[best]!;
    pendingRow = candidateRows[best]!;
    take(centre, pendingRow);
  }
  if (finish) {
    if (pendingRow >= 0) candidates.set(X.subarray(pendingRow * d, pendingRow * d + d), 0);
    scalars[Scalar.pendingCentre] = pendingRow >= 0 ? 1 : 0;
    scalars[Scalar.pendingIndex] = k - 1;
    runner.run(Command.seedFinish);
  }
  scalars[Scalar.pendingCentre] = 0;
  state.centroids.set(centroids);
  return { centroids, indices };
}

/**
 * Greedy k-means++ initial centres (scikit-learn's `_kmeans_plusplus`).
 *
 * @param matrix - rows to seed from (finite values).
 * @param k - number of centres, 2 ≤ k ≤ rows.
 * @param rng - the only source of randomness; same state → same centres.
 * @param trials - candidates per centre after the first; default `2 + floor(ln k)`.
 * @returns copies of the chosen rows and their indices.
 * @throws SegworkError if k or trials is invalid or the matrix holds NaN/±Infinity.
 * @example
 * const { indices } = kmeansPlusPlus(fromRows([[0], [1], [10], [11]]), 2, new Random(1));
 * // one index from {0, 1} and one from {2, 3}, with high probability
 */
export function kmeansPlusPlus(
  matrix: DenseMatrix,
  k: number,
  rng: Random,
  trials?: number,
): Seeding {
  validateMatrix(matrix);
  validateK(k, matrix.rows);
  const localTrials = trials ?? defaultTrials(k);
  validatePositiveInteger("trials", localTrials);
  const state = createKernelState(matrix, {
    k,
    hamerly: false,
    maxTrials: localTrials,
    shared: false,
  });
  return seedInto(state, serialRunner(state), rng, localTrials);
}
