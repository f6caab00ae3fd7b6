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
import { Command, Scalar, type KernelState } from "./kernels.js";
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
 * Index of the row where the running sum of `state.closest` first exceeds
 * `target`, given the per-chunk totals of `closest` (0 ≤ target < their sum).
 */
function drawRow(state: KernelState, chunkTotals: Float64Array, target: number): number {
  const closest = state.closest;
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
    const w = closest[i]!;
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
 */
export function seedInto(
  state: KernelState,
  runner: ChunkRunner,
  rng: Random,
  trials: number,
): Seeding {
  const { n, d, k, X, scalars } = state;
  const centroids = new Float64Array(k * d);
  const indices = new Int32Array(k);
  const chunkTotals = new Float64Array(state.chunkCount);

  /** Makes data row `row` centre number `centre`; returns the new potential Σ closest. */
  const accept = (centre: number, row: number): number => {
    indices[centre] = row;
    centroids.set(X.subarray(row * d, row * d + d), centre * d);
    state.candidates.set(X.subarray(row * d, row * d + d), 0);
    runner.run(Command.seedAccept);
    let potential = 0;
    for (let c = 0; c < state.chunkCount; c++) {
      chunkTotals[c] = state.chunkScalars[c * state.scalarStride]!;
      potential += chunkTotals[c]!;
    }
    return potential;
  };

  // min(+∞, d²) = d²: the first accept sets every row's distance to centre 0.
  state.closest.fill(Infinity);
  let potential = accept(0, rng.int(n));

  const candidateRows = new Int32Array(trials);
  const potentials = new Float64Array(trials);
  for (let centre = 1; centre < k; centre++) {
    for (let t = 0; t < trials; t++) {
      // All points coincide with the centres so far: any row will do.
      candidateRows[t] =
        potential > 0 ? drawRow(state, chunkTotals, rng.next() * potential) : rng.int(n);
    }
    for (let t = 0; t < trials; t++) {
      const row = candidateRows[t]!;
      state.candidates.set(X.subarray(row * d, row * d + d), t * d);
    }
    scalars[Scalar.trials] = trials;
    runner.run(Command.seedScore);
    potentials.fill(0);
    for (let c = 0; c < state.chunkCount; c++) {
      for (let t = 0; t < trials; t++)
        potentials[t] += state.chunkScalars[c * state.scalarStride + t]!;
    }
    let best = 0;
    for (let t = 1; t < trials; t++) if (potentials[t]! < potentials[best]!) best = t;
    // seedAccept sums exactly what seedScore summed for this candidate, so the
    // new potential equals potentials[best] bit for bit.
    potential = accept(centre, candidateRows[best]!);
  }
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
