/**
 * The hot loops of K-Means — assignment, seeding potentials and inertia —
 * generated as JavaScript source specialised to the column count `d`, and
 * run one fixed-size chunk of rows at a time.
 *
 * Why generated code: V8 does not vectorise, so the distance loop is bound by
 * loads and loop overhead. Unrolling it over the columns with the row held in
 * locals (x0…x{d-1}) was measured (100,000 rows, k = 10, one Lloyd
 * assignment pass with centroid sums) at 2.3 ms vs 6.5 ms for the plain
 * loop at d = 2, 6.9 vs 24 ms at d = 8 and 9.2 vs 26 ms at d = 12; padding
 * rows to widths 4/8 by hand got only part of that (2.9 ms at d = 2, 8.5 ms
 * at d = 8).
 *
 * Why source text rather than functions: the very same text is compiled on
 * the calling thread and inside every worker thread (see `thread-pool.ts`),
 * so all threads run identical arithmetic, and no build step has to ship a
 * separate worker file.
 *
 * Why chunks: every sum over rows (centroid sums, counts, potentials,
 * inertia) is first taken per chunk of `chunkRows` rows, and the chunk
 * partials are then added in chunk order on the calling thread. The chunk
 * size does not depend on the thread count, so results are byte-identical
 * whatever the number of threads.
 */

import { WASM_MAX_COLUMNS, WASM_MAX_TRIALS } from "./wasm/module.js";

/** Commands understood by the generated `runChunks`. */
export const Command = {
  /** Plain Lloyd assignment: every distance; labels, chunk sums/counts, changed count. */
  assignLloyd: 1,
  /** Hamerly assignment with one upper and one lower bound per row; same labels as {@link Command.assignLloyd}. */
  assignHamerly: 2,
  /**
   * k-means++ step: the chunk potentials Σ min(closest, distance to candidate t)², per candidate
   * (candidates in slots 1…trials of `candidates`). With `Scalar.pendingCentre` set it first folds
   * the centre in slot 0 into `closest` — the previous step's choice, accepted in the same pass.
   */
  seedScore: 3,
  /** Squared distance of every row to its labelled centroid; chunk sums (and per row if recording). */
  inertia: 4,
  /** k-means++: takes candidate 0 as the first centre: closest = d² per row, and the chunk totals. */
  seedAccept: 5,
  /**
   * k-means++ done: folds the last centre in and turns what seeding tracked
   * (nearest centre, its and the second-nearest squared distance) into the
   * first assignment — labels, chunk sums and counts, Hamerly's bounds —
   * exactly as a first assignLloyd/assignHamerly pass would compute them.
   */
  seedFinish: 6,
} as const;
export type CommandCode = (typeof Command)[keyof typeof Command];

/** Slots of {@link KernelState.scalars}: per-command parameters written by the calling thread. */
export const Scalar = {
  /** 1 → write each row's squared distance into `pointValues` (assignLloyd, inertia). */
  record: 0,
  /** Hamerly: absolute safety margin covering floating-point error in the bounds. */
  slack: 1,
  /** Hamerly: 1 → first pass, compute every distance and initialise the bounds. */
  firstPass: 2,
  /** Seeding: number of candidates in `candidates` (after the slot-0 centre). */
  trials: 3,
  /** Seeding: 1 → seedScore first folds the centre in candidate slot 0 into `closest`. */
  pendingCentre: 4,
  /** Seeding: the index (0…k−1) of the centre in candidate slot 0. */
  pendingIndex: 5,
} as const;
export const SCALAR_SLOTS = 6;

/**
 * Everything a chunk kernel reads or writes. On the multi-threaded path every
 * typed array lives on a `SharedArrayBuffer`, so the object can be posted to
 * worker threads once and then updated in place between commands.
 */
export interface KernelState {
  /**
   * The SIMD kernels (`wasm/module.ts`) and the shared memory that holds
   * every array they read or write (all but `pointValues` and `scalars`) —
   * or null, and every command runs as JavaScript.
   */
  wasmModule: WebAssembly.Module | null;
  wasmMemory: WebAssembly.Memory | null;
  /** n × d data, row-major. */
  X: Float64Array;
  n: number;
  d: number;
  k: number;
  /** Rows per chunk (fixed per fit; never depends on the thread count). */
  chunkRows: number;
  chunkCount: number;
  /** Cluster of each row (-1 before the first assignment). */
  labels: Int32Array;
  /**
   * Hamerly upper bound on the distance to the own centroid a, stored as
   * bound − driftTotal[a] so that rows whose label holds need no write
   * (length n, or 0 for Lloyd).
   */
  upperOffset: Float64Array;
  /**
   * Hamerly lower bound on the distance to every other centroid, stored as
   * bound + otherDriftTotal[a] (length n, or 0).
   */
  lowerOffset: Float64Array;
  /** k × d centroids the next command uses. */
  centroids: Float64Array;
  /** Hamerly: total distance each centroid has moved since the run started (k). */
  driftTotal: Float64Array;
  /**
   * Hamerly: for each cluster a, the sum over past updates of the largest
   * drift among the *other* centroids — how far the lower bound of a row
   * labelled a has to drop (k).
   */
  otherDriftTotal: Float64Array;
  /** Hamerly: half the distance from each centroid to its nearest other centroid (k). */
  halfGap: Float64Array;
  /** Hamerly: k × k distances between the centroids (prunes the full scans). */
  centreDistances: Float64Array;
  /** Command parameters, indexed by {@link Scalar}. */
  scalars: Float64Array;
  /**
   * Seeding: squared distance of each row to its nearest centre so far (n).
   * Seeding also keeps `labels` (that centre's index) and, when Hamerly's
   * bounds exist, the second-nearest squared distance in `lowerOffset`.
   */
  closest: Float64Array;
  /** Seeding: (maxTrials + 1) × d rows: slot 0 the centre being accepted, then the candidates. */
  candidates: Float64Array;
  /**
   * Per-chunk change of the centroid sums in the last assignment,
   * chunkCount × k × d: rows that changed label are subtracted from the old
   * cluster and added to the new one (every row on the first assignment).
   */
  chunkSums: Float64Array;
  /** Per-chunk change of the cluster sizes, chunkCount × k. */
  chunkCounts: Int32Array;
  /**
   * Per-chunk scalar results, chunkCount × scalarStride: assignment → [changed
   * rows, fully scanned rows]; seeding → one potential per candidate; inertia → [sum].
   */
  chunkScalars: Float64Array;
  scalarStride: number;
  /** Per-row output when recording (squared distances), length n. */
  pointValues: Float64Array;
  /**
   * Chunks run so far by each engine, counted by whichever thread ran them:
   * [0] by a WebAssembly SIMD kernel, [1] by a JavaScript one (a pass without
   * a SIMD version, or with `wasmModule` null). Tells which engine ran.
   */
  engineChunks: Int32Array;
}

/** The compiled kernels for one column count. */
export interface Kernels {
  /** Runs `command` over chunks [firstChunk, endChunk). */
  runChunks(state: KernelState, command: CommandCode, firstChunk: number, endChunk: number): void;
}

/** Column counts up to this are fully unrolled; wider rows use a plain loop. */
const UNROLL_MAX_COLUMNS = 32;

/** `const x0 = X[xo], x1 = X[xo + 1], …;` — the row in locals (nothing when not unrolled). */
function loadRow(d: number): string {
  if (d > UNROLL_MAX_COLUMNS) return "";
  const parts = Array.from({ length: d }, (_, t) => `x${t} = X[xo + ${t}]`);
  return `const ${parts.join(", ")};`;
}

/**
 * Declares `target` = squared distance from the current row to `array[offset …]`.
 * Up to 32 columns the squares are summed in two interleaved lanes — even
 * columns left to right, odd columns left to right, then the two lanes, then
 * the last column when d is odd — which is exactly what the WebAssembly SIMD
 * kernels compute two columns at a time (`wasm/distance.ts`), so every
 * kernel gets the same bits whichever engine runs it. {@link squaredDistanceAt}
 * is the same sum for callers outside the kernels.
 */
function squaredDistance(d: number, target: string, array: string, offset: string): string {
  if (d > UNROLL_MAX_COLUMNS) {
    return `let ${target} = 0;
      for (let t = 0; t < ${d}; t++) { const e = X[xo + t] - ${array}[${offset} + t]; ${target} += e * e; }`;
  }
  const differences = Array.from(
    { length: d },
    (_, t) => `const e${t} = x${t} - ${array}[${offset} + ${t}];`,
  );
  return `let ${target}; { ${differences.join(" ")} ${target} = ${laneSum(d, (t) => `e${t} * e${t}`)}; }`;
}

/** The lane-order sum of `square(t)` over t < d (see {@link squaredDistance}). */
function laneSum(d: number, square: (t: number) => string): string {
  const pairs = Math.floor(d / 2);
  if (pairs === 0) return square(0);
  const lane = (first: number): string =>
    Array.from({ length: pairs }, (_, p) => square(2 * p + first)).join(" + ");
  const tail = d % 2 === 1 ? ` + ${square(d - 1)}` : "";
  return `(${lane(0)}) + (${lane(1)})${tail}`;
}

/**
 * Squared distance between row `i` of `a` and row `j` of `b` (both with `d`
 * columns), summed in the kernels' order, so it equals what they compute.
 *
 * @example
 * squaredDistanceAt(Float64Array.of(0, 0, 3, 4), 0, Float64Array.of(0, 0, 3, 4), 1, 2) // => 25
 */
export function squaredDistanceAt(
  a: Float64Array,
  i: number,
  b: Float64Array,
  j: number,
  d: number,
): number {
  const ai = i * d;
  const bj = j * d;
  if (d > UNROLL_MAX_COLUMNS) {
    let s = 0;
    for (let t = 0; t < d; t++) {
      const e = a[ai + t]! - b[bj + t]!;
      s += e * e;
    }
    return s;
  }
  const pairs = d >> 1;
  if (pairs === 0) {
    const e = a[ai]! - b[bj]!;
    return e * e;
  }
  // Starting each lane at 0 keeps the bits: 0 + x = x for every square x ≥ +0.
  let even = 0;
  let odd = 0;
  for (let p = 0; p < pairs; p++) {
    const e0 = a[ai + 2 * p]! - b[bj + 2 * p]!;
    const e1 = a[ai + 2 * p + 1]! - b[bj + 2 * p + 1]!;
    even += e0 * e0;
    odd += e1 * e1;
  }
  let s = even + odd;
  if (d % 2 === 1) {
    const e = a[ai + d - 1]! - b[bj + d - 1]!;
    s += e * e;
  }
  return s;
}

/**
 * Moves the current row (label `old` → `a`) in the chunk's sum and count
 * changes, and records the new label.
 */
function moveRow(d: number): string {
  const add =
    d > UNROLL_MAX_COLUMNS
      ? `for (let t = 0; t < ${d}; t++) sums[to + t] += X[xo + t];`
      : Array.from({ length: d }, (_, t) => `sums[to + ${t}] += x${t};`).join(" ");
  const subtract =
    d > UNROLL_MAX_COLUMNS
      ? `for (let t = 0; t < ${d}; t++) sums[from + t] -= X[xo + t];`
      : Array.from({ length: d }, (_, t) => `sums[from + ${t}] -= x${t};`).join(" ");
  return `labels[i] = a;
      changed++;
      counts[countBase + a]++;
      const to = sumBase + a * D;
      ${add}
      if (old >= 0) {
        counts[countBase + old]--;
        const from = sumBase + old * D;
        ${subtract}
      }`;
}

/** Candidate counts up to this get a seedScore with one register accumulator per candidate. */
const UNROLL_MAX_TRIALS = 8;

/**
 * Folds the pending centre (candidate slot 0) into `current` and `closest[i]`
 * when `pending` is set: the previous k-means++ step's choice is accepted in
 * the same pass that scores the next step's candidates, saving one pass over
 * the data per centre. The min is the same as seedAccept's, so `closest`
 * ends up with the same bits.
 */
function foldPendingCentre(d: number): string {
  return `let current = closest[i];
    if (pending) {
      ${squaredDistance(d, "s", "cand", "0")}
      ${trackNearest("s")}
    }`;
}

/**
 * Updates the row's nearest centre (label, `current`, `closest`) and, with
 * `second` tracked, the second-nearest squared distance, for a centre at
 * squared distance `s`: the comparisons of a first assignment pass, made in
 * the order the centres are chosen (= index order), so ties and bits agree.
 */
function trackNearest(s: string): string {
  return `if (${s} < current) {
        if (trackSecond) second[i] = current;
        current = ${s}; closest[i] = ${s}; labels[i] = pendingIndex;
      } else if (trackSecond) second[i] = Math.min(second[i], ${s});`;
}

/** Locals every seeding kernel that tracks the nearest centre needs. */
const SEED_LOCALS = `const labels = state.labels, second = state.lowerOffset;
  const trackSecond = second.length > 0, pendingIndex = state.scalars[${Scalar.pendingIndex}] | 0;`;

/**
 * k-means++ kernels. seedScore sums min(closest, d²) over the chunk for each
 * candidate — for up to UNROLL_MAX_TRIALS candidates with the row in
 * registers and one accumulator per candidate, so the pass is branch-free and
 * reads each row once; seedAccept folds a centre into `closest` (only needed
 * for the first centre: later ones are folded by the next seedScore).
 */
function seedKernels(d: number): string {
  const unrolled = d <= UNROLL_MAX_COLUMNS;
  const variants = unrolled
    ? Array.from({ length: UNROLL_MAX_TRIALS }, (_, index) => {
        const trials = index + 1;
        const body = Array.from(
          { length: trials },
          (_, t) =>
            `{ ${squaredDistance(d, "s", "cand", String((t + 1) * d))} p${t} += s < current ? s : current; }`,
        ).join("\n      ");
        const accumulators = Array.from({ length: trials }, (_, t) => `p${t} = 0`).join(", ");
        const results = Array.from(
          { length: trials },
          (_, t) => `pots[potBase + ${t}] = p${t};`,
        ).join(" ");
        return `function seedScore${trials}(state, c, pending) {
  const X = state.X, closest = state.closest, cand = state.candidates;
  ${SEED_LOCALS}
  const pots = state.chunkScalars, potBase = c * state.scalarStride;
  const [start, end] = chunkBounds(state, c);
  let ${accumulators};
  for (let i = start, xo = start * D; i < end; i++, xo += D) {
    ${loadRow(d)}
    ${foldPendingCentre(d)}
      ${body}
  }
  ${results}
}`;
      }).join("\n\n")
    : "";
  const dispatch = unrolled
    ? `switch (trials) {
    ${Array.from({ length: UNROLL_MAX_TRIALS }, (_, index) => `case ${index + 1}: seedScore${index + 1}(state, c, pending); return;`).join("\n    ")}
  }`
    : "";
  return `${variants}

// Any number of candidates: one pass per candidate (rows come from cache),
// after a first pass that folds in the pending centre.
function seedScoreLoop(state, c, trials, pending) {
  const X = state.X, closest = state.closest, cand = state.candidates;
  ${SEED_LOCALS}
  const pots = state.chunkScalars, potBase = c * state.scalarStride;
  const [start, end] = chunkBounds(state, c);
  if (pending) {
    for (let i = start, xo = start * D; i < end; i++, xo += D) {
      ${loadRow(d)}
      ${foldPendingCentre(d)}
    }
  }
  for (let t = 0, co = D; t < trials; t++, co += D) {
    let pot = 0;
    for (let i = start, xo = start * D; i < end; i++, xo += D) {
      ${loadRow(d)}
      const current = closest[i];
      ${squaredDistance(d, "s", "cand", "co")}
      pot += s < current ? s : current;
    }
    pots[potBase + t] = pot;
  }
}

function seedScore(state, c, trials) {
  const pending = state.scalars[${Scalar.pendingCentre}] !== 0;
  ${dispatch}
  seedScoreLoop(state, c, trials, pending);
}

// The first centre: every row's nearest so far, as min(+∞, d²) = d²; label 0
// and no second centre yet — what a first assignment pass starts from too.
function seedAccept(state, c) {
  const X = state.X, closest = state.closest, cand = state.candidates;
  const labels = state.labels, second = state.lowerOffset, trackSecond = second.length > 0;
  const [start, end] = chunkBounds(state, c);
  let total = 0;
  for (let i = start, xo = start * D; i < end; i++, xo += D) {
    ${loadRow(d)}
    ${squaredDistance(d, "s", "cand", "0")}
    closest[i] = s;
    labels[i] = 0;
    if (trackSecond) second[i] = Infinity;
    total += s;
  }
  state.chunkScalars[c * state.scalarStride] = total;
}

function seedFinish(state, c) {
  const X = state.X, closest = state.closest, cand = state.candidates, k = state.k;
  ${SEED_LOCALS}
  const pending = state.scalars[${Scalar.pendingCentre}] !== 0;
  const upperOffset = state.upperOffset;
  const sums = state.chunkSums, counts = state.chunkCounts;
  const sumBase = c * k * D, countBase = c * k;
  const [start, end] = chunkBounds(state, c);
  zeroChunkSums(state, c);
  let changed = 0;
  for (let i = start, xo = start * D; i < end; i++, xo += D) {
    ${loadRow(d)}
    ${foldPendingCentre(d)}
    // Bounds as a first assignHamerly pass sets them (drift totals are 0).
    if (trackSecond) { upperOffset[i] = Math.sqrt(current); second[i] = Math.sqrt(second[i]); }
    const a = labels[i], old = -1;
    ${moveRow(d)}
  }
  state.chunkScalars[c * state.scalarStride] = changed;
  state.chunkScalars[c * state.scalarStride + 1] = end - start;
}`;
}

const sources = new Map<number, string>();

/**
 * The source of a function body that returns `{ runChunks }` for rows of
 * `d` columns. Pure arithmetic on the state's typed arrays; no closures over
 * anything outside the text, so it can be compiled in any thread. Built once
 * per d: building it takes about a millisecond, and every multi-threaded fit
 * hands it to its workers (the gap statistic opens hundreds of those).
 *
 * @example
 * new Function(kernelSource(8))().runChunks; // => the kernels for 8 columns
 */
export function kernelSource(d: number): string {
  if (!Number.isInteger(d) || d < 1)
    throw new RangeError(`kernelSource: d must be a positive integer, got ${d}`);
  let source = sources.get(d);
  if (source === undefined) {
    source = buildKernelSource(d);
    sources.set(d, source);
  }
  return source;
}

function buildKernelSource(d: number): string {
  const D = String(d);
  return `"use strict";
const D = ${D};

function chunkBounds(state, c) {
  const start = c * state.chunkRows;
  return [start, Math.min(state.n, start + state.chunkRows)];
}

function zeroChunkSums(state, c) {
  const kd = state.k * D;
  state.chunkSums.fill(0, c * kd, c * kd + kd);
  state.chunkCounts.fill(0, c * state.k, c * state.k + state.k);
}

// On a label change the row moves from the old cluster's sums to the new
// one's, in row order within the chunk (nothing to subtract on the first
// assignment, when the old label is -1).
function assignLloyd(state, c) {
  const X = state.X, labels = state.labels, C = state.centroids, k = state.k;
  const sums = state.chunkSums, counts = state.chunkCounts;
  const sumBase = c * k * D, countBase = c * k;
  const record = state.scalars[${Scalar.record}] !== 0, pointValues = state.pointValues;
  const [start, end] = chunkBounds(state, c);
  zeroChunkSums(state, c);
  let changed = 0;
  for (let i = start, xo = start * D; i < end; i++, xo += D) {
    ${loadRow(d)}
    let best = Infinity, a = 0;
    for (let j = 0, co = 0; j < k; j++, co += D) {
      ${squaredDistance(d, "s", "C", "co")}
      if (s < best) { best = s; a = j; }
    }
    if (record) pointValues[i] = best;
    const old = labels[i];
    if (a !== old) {
      ${moveRow(d)}
    }
  }
  state.chunkScalars[c * state.scalarStride] = changed;
  state.chunkScalars[c * state.scalarStride + 1] = end - start;
}

function assignHamerly(state, c) {
  const X = state.X, labels = state.labels, C = state.centroids, k = state.k;
  const upperOffset = state.upperOffset, lowerOffset = state.lowerOffset;
  const driftTotal = state.driftTotal, otherDriftTotal = state.otherDriftTotal;
  const halfGap = state.halfGap, centreDistances = state.centreDistances;
  const sums = state.chunkSums, counts = state.chunkCounts;
  const sumBase = c * k * D, countBase = c * k;
  const sc = state.scalars;
  const slack = sc[${Scalar.slack}];
  const firstPass = sc[${Scalar.firstPass}] !== 0;
  const [start, end] = chunkBounds(state, c);
  zeroChunkSums(state, c);
  let changed = 0, scanned = 0;
  for (let i = start, xo = start * D; i < end; i++, xo += D) {
    const old = labels[i];
    let m = 0;
    if (!firstPass) {
      // Bounds moved by how far the centroids moved (triangle inequality).
      // Keep the label only if it is nearer than every other centroid by more
      // than the rounding slack: ties and near-ties always get a full scan, so
      // the label is exactly the one Lloyd's scan would pick.
      const u = upperOffset[i] + driftTotal[old];
      const l = lowerOffset[i] - otherDriftTotal[old];
      const g = halfGap[old];
      m = (g > l ? g : l) - slack;
      if (u < m) continue;
    }
    ${loadRow(d)}
    scanned++;
    let best = Infinity, second = Infinity, a = 0;
    if (firstPass) {
      for (let j = 0, co = 0; j < k; j++, co += D) {
        ${squaredDistance(d, "s", "C", "co")}
        if (s < best) { second = best; best = s; a = j; } else if (s < second) second = s;
      }
      upperOffset[i] = Math.sqrt(best) - driftTotal[a];
      lowerOffset[i] = Math.sqrt(second) + otherDriftTotal[a];
    } else {
      ${squaredDistance(d, "own", "C", "old * D")}
      const u = Math.sqrt(own);
      if (u < m) { upperOffset[i] = u - driftTotal[old]; scanned--; continue; }
      // Scan from the own centroid, skipping every centroid j with
      // ‖c_old − c_j‖ > u + b + 2·slack, where b is the nearest distance found
      // so far (b = u at first, so the reach shrinks as nearer ones turn up):
      // such a c_j is farther than b by the triangle inequality, so it can be
      // neither the nearest nor tied with it, and ‖c_old − c_j‖ − u still
      // bounds its distance from below. Ties go to the lowest index, as in
      // Lloyd's scan: a j below old wins a tie with old.
      const gapBase = old * k;
      best = own;
      a = old;
      let reach = 2 * u + 2 * slack;
      let skippedBound = Infinity;
      for (let j = 0, co = 0; j < k; j++, co += D) {
        if (j === old) continue;
        const gap = centreDistances[gapBase + j];
        if (gap > reach) {
          const bound = gap - u;
          if (bound < skippedBound) skippedBound = bound;
          continue;
        }
        ${squaredDistance(d, "other", "C", "co")}
        if (other < best || (other === best && j < a)) {
          second = best; best = other; a = j;
          reach = u + Math.sqrt(best) + 2 * slack;
        } else if (other < second) second = other;
      }
      upperOffset[i] = Math.sqrt(best) - driftTotal[a];
      const l = Math.sqrt(second);
      lowerOffset[i] = (l < skippedBound ? l : skippedBound) + otherDriftTotal[a];
    }
    if (a !== old) {
      ${moveRow(d)}
    }
  }
  state.chunkScalars[c * state.scalarStride] = changed;
  state.chunkScalars[c * state.scalarStride + 1] = scanned;
}

${seedKernels(d)}

function inertia(state, c) {
  const X = state.X, labels = state.labels, C = state.centroids;
  const record = state.scalars[${Scalar.record}] !== 0, pointValues = state.pointValues;
  const [start, end] = chunkBounds(state, c);
  let total = 0;
  for (let i = start, xo = start * D; i < end; i++, xo += D) {
    ${loadRow(d)}
    ${squaredDistance(d, "s", "C", "labels[i] * D")}
    total += s;
    if (record) pointValues[i] = s;
  }
  state.chunkScalars[c * state.scalarStride] = total;
}

// The SIMD kernels (wasm/module.ts), instantiated once per state in each
// thread on the state's shared memory: the module's exports, with
// seedScore[t] for t candidates; null → JavaScript.
const wasmExports = new WeakMap();
function wasmFunctions(state) {
  if (state.wasmModule === null || D > ${WASM_MAX_COLUMNS}) return null;
  let functions = wasmExports.get(state);
  if (functions === undefined) {
    const exports = new WebAssembly.Instance(state.wasmModule, { env: { memory: state.wasmMemory } }).exports;
    const seedScore = [null];
    for (let t = 1; t <= ${WASM_MAX_TRIALS}; t++) seedScore.push(exports["seedScore" + t]);
    functions = { ...exports, seedScore };
    wasmExports.set(state, functions);
  }
  return functions;
}

function wasmSeedScore(state, trials) {
  if (trials > ${WASM_MAX_TRIALS}) return null;
  const functions = wasmFunctions(state);
  return functions === null ? null : functions.seedScore[trials];
}

// seedAccept (centres = the candidates) or inertia (centres = the centroids).
function sumWasm(simd, state, c, centres) {
  const [start, end] = chunkBounds(state, c);
  const second = state.lowerOffset, trackSecond = second.length > 0 ? 1 : 0;
  const closest = state.closest;
  simd(
    state.X.byteOffset + start * D * 8,
    closest.length > 0 ? closest.byteOffset + start * 8 : 0,
    state.labels.byteOffset + start * 4,
    trackSecond === 1 ? second.byteOffset + start * 8 : 0,
    centres.byteOffset,
    state.chunkScalars.byteOffset + c * state.scalarStride * 8,
    end - start,
    trackSecond,
  );
}

function seedFinishWasm(simd, state, c) {
  const [start, end] = chunkBounds(state, c);
  const k = state.k, second = state.lowerOffset, trackSecond = second.length > 0 ? 1 : 0;
  zeroChunkSums(state, c);
  simd(
    state.X.byteOffset + start * D * 8,
    state.closest.byteOffset + start * 8,
    state.labels.byteOffset + start * 4,
    trackSecond === 1 ? second.byteOffset + start * 8 : 0,
    state.candidates.byteOffset,
    end - start,
    state.scalars[${Scalar.pendingCentre}] !== 0 ? 1 : 0,
    state.scalars[${Scalar.pendingIndex}] | 0,
    trackSecond,
    trackSecond === 1 ? state.upperOffset.byteOffset + start * 8 : 0,
    state.chunkSums.byteOffset + c * k * D * 8,
    state.chunkCounts.byteOffset + c * k * 4,
  );
  state.chunkScalars[c * state.scalarStride] = end - start;
  state.chunkScalars[c * state.scalarStride + 1] = end - start;
}

function assignHamerlyWasm(simd, state, c) {
  const [start, end] = chunkBounds(state, c);
  const k = state.k;
  zeroChunkSums(state, c);
  simd(
    state.X.byteOffset + start * D * 8,
    state.labels.byteOffset + start * 4,
    state.upperOffset.byteOffset + start * 8,
    state.lowerOffset.byteOffset + start * 8,
    state.driftTotal.byteOffset,
    state.otherDriftTotal.byteOffset,
    state.halfGap.byteOffset,
    state.centreDistances.byteOffset,
    state.centroids.byteOffset,
    state.chunkSums.byteOffset + c * k * D * 8,
    state.chunkCounts.byteOffset + c * k * 4,
    state.chunkScalars.byteOffset + c * state.scalarStride * 8,
    end - start,
    k,
    state.scalars[${Scalar.slack}],
  );
}

// Same arguments as seedScore, as byte addresses in the shared memory.
function seedScoreWasm(simd, state, c, trials) {
  const [start, end] = chunkBounds(state, c);
  const second = state.lowerOffset, trackSecond = second.length > 0 ? 1 : 0;
  simd(
    state.X.byteOffset + start * D * 8,
    state.closest.byteOffset + start * 8,
    state.labels.byteOffset + start * 4,
    trackSecond === 1 ? second.byteOffset + start * 8 : 0,
    state.candidates.byteOffset,
    state.chunkScalars.byteOffset + c * state.scalarStride * 8,
    end - start,
    state.scalars[${Scalar.pendingCentre}] !== 0 ? 1 : 0,
    state.scalars[${Scalar.pendingIndex}] | 0,
    trackSecond,
  );
}

function runChunks(state, command, firstChunk, endChunk) {
  if (state.d !== D) throw new Error("kernels compiled for d=" + D + " got d=" + state.d);
  let simdChunks = 0;
  for (let c = firstChunk; c < endChunk; c++) {
    switch (command) {
      case ${Command.assignLloyd}: assignLloyd(state, c); break;
      case ${Command.assignHamerly}: {
        const simd = state.scalars[${Scalar.firstPass}] === 0 ? wasmFunctions(state) : null;
        if (simd !== null) { assignHamerlyWasm(simd.assignHamerly, state, c); simdChunks++; }
        else assignHamerly(state, c);
        break;
      }
      case ${Command.seedScore}: {
        const trials = state.scalars[${Scalar.trials}] | 0;
        const simd = wasmSeedScore(state, trials);
        if (simd !== null) { seedScoreWasm(simd, state, c, trials); simdChunks++; }
        else seedScore(state, c, trials);
        break;
      }
      case ${Command.seedAccept}: {
        const simd = wasmFunctions(state);
        if (simd !== null) { sumWasm(simd.seedAccept, state, c, state.candidates); simdChunks++; }
        else seedAccept(state, c);
        break;
      }
      case ${Command.seedFinish}: {
        const simd = wasmFunctions(state);
        if (simd !== null) { seedFinishWasm(simd.seedFinish, state, c); simdChunks++; }
        else seedFinish(state, c);
        break;
      }
      case ${Command.inertia}: {
        const simd = state.scalars[${Scalar.record}] === 0 ? wasmFunctions(state) : null;
        if (simd !== null) { sumWasm(simd.inertia, state, c, state.centroids); simdChunks++; }
        else inertia(state, c);
        break;
      }
      default: throw new Error("unknown kernel command " + command);
    }
  }
  if (simdChunks > 0) Atomics.add(state.engineChunks, 0, simdChunks);
  if (endChunk - firstChunk > simdChunks) Atomics.add(state.engineChunks, 1, endChunk - firstChunk - simdChunks);
}

return { runChunks };
`;
}

const compiled = new Map<number, Kernels>();

/**
 * The kernels for `d` columns, compiled once per process and cached.
 *
 * @example
 * compileKernels(3).runChunks(state, Command.assignLloyd, 0, state.chunkCount);
 */
export function compileKernels(d: number): Kernels {
  let kernels = compiled.get(d);
  if (!kernels) {
    kernels = new Function(kernelSource(d))() as Kernels;
    compiled.set(d, kernels);
  }
  return kernels;
}
