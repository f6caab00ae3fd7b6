/**
 * Per-row, per-cluster distance sums for several labelings of the same rows
 * from one pass of pair distances: the kernel behind `silhouetteScores`, which
 * scores every k of a sweep on the same sample.
 *
 * Each pair distance is computed once and added to the sums of every
 * labeling. The obvious way — after each distance, increment two sums per
 * labeling — is bound by those read-modify-write increments (18 per pair for
 * k = 2..10; V8 bounds-checks each) and measured only 1.5–2.5× faster than
 * one pass per labeling. So the pairs are taken tile by tile instead: the
 * distances between two blocks of `TILE` rows go into a small buffer, and
 * each row then folds its distances to one cluster's members of the other
 * block into a local accumulator (members listed cluster by cluster,
 * ascending). That is one load and one add per pair, row and labeling, with
 * no store in the inner loop: on 10,000 rows × 8 and k = 2..10, about 0.7 s
 * against 2.5 s for nine single passes.
 *
 * The result is bit-for-bit that of the single-labeling kernel in
 * `silhouette.ts`: there, every sum receives its terms in ascending order of
 * the other row, starting from 0, and so it does here. Tiles (A, B) are
 * visited with A ascending and, for each A, B ascending from A; a row of block
 * R therefore meets blocks A < R in tiles (A, R), then its own block in tile
 * (R, R), then blocks B > R in tiles (R, B) — ascending — and within a tile a
 * cluster's members are folded in ascending order. The diagonal tile folds
 * the row's own distance too; it is an exact 0 and adding it changes nothing.
 * The distances themselves are identical: the same squared differences summed
 * left to right (zero-padded columns add exact zeros), and on the diagonal
 * tile the reversed difference of a pair, fl(b − a) = −fl(a − b), squares to
 * the same value.
 */
import type { DenseMatrix } from "../shared/matrix.js";

/** One labeling of the rows: cluster of each row, in 0..k−1. */
export interface Labeling {
  labels: Int32Array;
  k: number;
}

/** Distance sums of several labelings, each labeling's n×k block at its offset. */
export interface ClusterDistanceSums {
  /**
   * sums[offsets[l] + i·k_l + c] = Σ ‖x_i − x_j‖ over the rows j in cluster c
   * of labeling l.
   */
  sums: Float64Array;
  offsets: number[];
}

/** Rows per tile side: a 128×128 distance tile is 128 KiB, which stays in L2. */
export const TILE = 128;

/**
 * Per-row, per-cluster Euclidean distance sums of every labeling, from one
 * pass over the n(n−1)/2 pairs (plus the diagonal tiles, computed square).
 * Labels are not checked: each must be an integer in 0..k−1 and there must
 * be one per row (callers validate with `clusterSizes`).
 *
 * Memory: n·Σk sums, n indices per labeling and one 128×128 tile.
 *
 * @example
 * const m = fromRows([[0], [1], [4]]);
 * const { sums, offsets } = clusterDistanceSumsMany(m, [
 *   { labels: Int32Array.from([0, 0, 1]), k: 2 },
 *   { labels: Int32Array.from([0, 1, 1]), k: 2 },
 * ]);
 * // row 0 of the second labeling: cluster 0 holds itself (0), cluster 1 rows 1 and 4
 * sums.subarray(offsets[1], offsets[1] + 2); // => Float64Array [0, 5]
 */
export function clusterDistanceSumsMany(
  m: DenseMatrix,
  labelings: readonly Labeling[],
): ClusterDistanceSums {
  const n = m.rows;
  const offsets: number[] = [];
  let total = 0;
  for (const { k } of labelings) {
    offsets.push(total);
    total += n * k;
  }
  const sums = new Float64Array(total);
  const members = labelings.map(({ labels, k }) => membersByCluster(labels, k));
  const width = paddedWidth(m.cols);
  const x = padColumns(m, width);
  const tile = new Float64Array(TILE * TILE);
  for (let a0 = 0; a0 < n; a0 += TILE) {
    const a1 = Math.min(n, a0 + TILE);
    for (let b0 = a0; b0 < n; b0 += TILE) {
      const b1 = Math.min(n, b0 + TILE);
      distanceTile(x, width, a0, a1, b0, b1, tile);
      for (let l = 0; l < labelings.length; l++) {
        const k = labelings[l]!.k;
        const { order, starts } = members[l]!;
        const sumsAt = offsets[l]!;
        foldRows(tile, a0, a1, order, starts, (b0 / TILE) * (k + 1), k, sums, sumsAt);
        if (b0 !== a0)
          foldColumns(tile, b0, b1, order, starts, (a0 / TILE) * (k + 1), k, sums, sumsAt);
      }
    }
  }
  return { sums, offsets };
}

/** The padded width the tile kernels work on: 4 or 8 columns when the data fits, else its own. */
export function paddedWidth(cols: number): number {
  return cols <= 4 ? 4 : cols <= 8 ? 8 : cols;
}

/**
 * tile[(a − a0)·TILE + (b − b0)] = ‖x_a − x_b‖ for rows a0..a1 against rows
 * b0..b1 of `x` (row-major, `width` columns as given by {@link paddedWidth}).
 *
 * @example
 * const tile = new Float64Array(TILE * TILE);
 * distanceTile(Float64Array.of(0, 0, 0, 0, 3, 4, 0, 0), 4, 0, 2, 0, 2, tile);
 * [tile[1], tile[TILE]]; // => [5, 5]
 */
export function distanceTile(
  x: Float64Array,
  width: number,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  tile: Float64Array,
): void {
  if (width === 4) tileWidth4(x, a0, a1, b0, b1, tile);
  else if (width === 8) tileWidth8(x, a0, a1, b0, b1, tile);
  else tileGeneric(x, width, a0, a1, b0, b1, tile);
}

/**
 * Row-major copy of `m` with `width` ≥ m.cols columns, the extra ones zero;
 * `m.data` itself when no padding is needed.
 *
 * @example
 * padColumns(fromRows([[1, 2]]), 4); // => Float64Array [1, 2, 0, 0]
 */
export function padColumns(m: DenseMatrix, width: number): Float64Array {
  if (m.cols === width) return m.data;
  const out = new Float64Array(m.rows * width);
  for (let i = 0; i < m.rows; i++) {
    for (let f = 0; f < m.cols; f++) out[i * width + f] = m.data[i * m.cols + f]!;
  }
  return out;
}

/**
 * The rows of each block of TILE rows, listed cluster by cluster (ascending
 * within a cluster) as offsets into the block: block B's cluster c is
 * order[starts[B·(k+1) + c] .. starts[B·(k+1) + c + 1]).
 */
export function membersByCluster(
  labels: Int32Array,
  k: number,
): { order: Int32Array; starts: Int32Array } {
  const n = labels.length;
  const blocks = Math.ceil(n / TILE);
  const order = new Int32Array(n);
  const starts = new Int32Array(blocks * (k + 1));
  const next = new Int32Array(k);
  for (let block = 0; block < blocks; block++) {
    const begin = block * TILE;
    const end = Math.min(n, begin + TILE);
    next.fill(0);
    for (let i = begin; i < end; i++) next[labels[i]!]!++;
    let at = begin;
    for (let c = 0; c < k; c++) {
      starts[block * (k + 1) + c] = at;
      const count = next[c]!;
      next[c] = at;
      at += count;
    }
    starts[block * (k + 1) + k] = end;
    for (let i = begin; i < end; i++) order[next[labels[i]!]!++] = i - begin;
  }
  return { order, starts };
}

/**
 * Rows a0..a1 (tile rows) each add, cluster by cluster, their distances to the
 * members of the column block (segments from `seg`). Eight rows at a time
 * share each member's index load and keep eight accumulators in registers.
 */
function foldRows(
  tile: Float64Array,
  a0: number,
  a1: number,
  order: Int32Array,
  starts: Int32Array,
  seg: number,
  k: number,
  sums: Float64Array,
  sumsAt: number,
): void {
  let a = a0;
  for (; a + 8 <= a1; a += 8) {
    const t0 = (a - a0) * TILE;
    // prettier-ignore
    const t1 = t0 + TILE, t2 = t1 + TILE, t3 = t2 + TILE, t4 = t3 + TILE;
    // prettier-ignore
    const t5 = t4 + TILE, t6 = t5 + TILE, t7 = t6 + TILE;
    for (let c = 0; c < k; c++) {
      let q = starts[seg + c]!;
      const end = starts[seg + c + 1]!;
      if (q === end) continue;
      const s = sumsAt + a * k + c;
      let u0 = sums[s]!;
      let u1 = sums[s + k]!;
      let u2 = sums[s + 2 * k]!;
      let u3 = sums[s + 3 * k]!;
      let u4 = sums[s + 4 * k]!;
      let u5 = sums[s + 5 * k]!;
      let u6 = sums[s + 6 * k]!;
      let u7 = sums[s + 7 * k]!;
      for (; q < end; q++) {
        const b = order[q]!;
        u0 += tile[t0 + b]!;
        u1 += tile[t1 + b]!;
        u2 += tile[t2 + b]!;
        u3 += tile[t3 + b]!;
        u4 += tile[t4 + b]!;
        u5 += tile[t5 + b]!;
        u6 += tile[t6 + b]!;
        u7 += tile[t7 + b]!;
      }
      sums[s] = u0;
      sums[s + k] = u1;
      sums[s + 2 * k] = u2;
      sums[s + 3 * k] = u3;
      sums[s + 4 * k] = u4;
      sums[s + 5 * k] = u5;
      sums[s + 6 * k] = u6;
      sums[s + 7 * k] = u7;
    }
  }
  for (; a < a1; a++) {
    const t = (a - a0) * TILE;
    for (let c = 0; c < k; c++) {
      const s = sumsAt + a * k + c;
      let u = sums[s]!;
      for (let q = starts[seg + c]!, end = starts[seg + c + 1]!; q < end; q++)
        u += tile[t + order[q]!]!;
      sums[s] = u;
    }
  }
}

/**
 * Rows b0..b1 (tile columns) each add, cluster by cluster, their distances to
 * the members of the row block (segments from `seg`): the transposed use of
 * an off-diagonal tile. Eight adjacent columns are read together.
 */
function foldColumns(
  tile: Float64Array,
  b0: number,
  b1: number,
  order: Int32Array,
  starts: Int32Array,
  seg: number,
  k: number,
  sums: Float64Array,
  sumsAt: number,
): void {
  let b = b0;
  for (; b + 8 <= b1; b += 8) {
    const column = b - b0;
    for (let c = 0; c < k; c++) {
      let q = starts[seg + c]!;
      const end = starts[seg + c + 1]!;
      if (q === end) continue;
      const s = sumsAt + b * k + c;
      let u0 = sums[s]!;
      let u1 = sums[s + k]!;
      let u2 = sums[s + 2 * k]!;
      let u3 = sums[s + 3 * k]!;
      let u4 = sums[s + 4 * k]!;
      let u5 = sums[s + 5 * k]!;
      let u6 = sums[s + 6 * k]!;
      let u7 = sums[s + 7 * k]!;
      for (; q < end; q++) {
        const t = order[q]! * TILE + column;
        u0 += tile[t]!;
        u1 += tile[t + 1]!;
        u2 += tile[t + 2]!;
        u3 += tile[t + 3]!;
        u4 += tile[t + 4]!;
        u5 += tile[t + 5]!;
        u6 += tile[t + 6]!;
        u7 += tile[t + 7]!;
      }
      sums[s] = u0;
      sums[s + k] = u1;
      sums[s + 2 * k] = u2;
      sums[s + 3 * k] = u3;
      sums[s + 4 * k] = u4;
      sums[s + 5 * k] = u5;
      sums[s + 6 * k] = u6;
      sums[s + 7 * k] = u7;
    }
  }
  for (; b < b1; b++) {
    const column = b - b0;
    for (let c = 0; c < k; c++) {
      const s = sumsAt + b * k + c;
      let u = sums[s]!;
      for (let q = starts[seg + c]!, end = starts[seg + c + 1]!; q < end; q++)
        u += tile[order[q]! * TILE + column]!;
      sums[s] = u;
    }
  }
}

/**
 * tile[(a − a0)·TILE + (b − b0)] = ‖x_a − x_b‖ for rows of width 8. Four rows
 * are held in locals and share each loaded row b (V8 spills some of the 32
 * values to the stack, whose reloads need no bounds checks): about 1.5× as
 * fast as one row at a time.
 */
function tileWidth8(
  x: Float64Array,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  tile: Float64Array,
): void {
  let a = a0;
  for (; a + 4 <= a1; a += 4) {
    const r = 8 * a;
    // prettier-ignore
    const p0 = x[r]!, p1 = x[r + 1]!, p2 = x[r + 2]!, p3 = x[r + 3]!, p4 = x[r + 4]!, p5 = x[r + 5]!, p6 = x[r + 6]!, p7 = x[r + 7]!;
    // prettier-ignore
    const q0 = x[r + 8]!, q1 = x[r + 9]!, q2 = x[r + 10]!, q3 = x[r + 11]!, q4 = x[r + 12]!, q5 = x[r + 13]!, q6 = x[r + 14]!, q7 = x[r + 15]!;
    // prettier-ignore
    const r0 = x[r + 16]!, r1 = x[r + 17]!, r2 = x[r + 18]!, r3 = x[r + 19]!, r4 = x[r + 20]!, r5 = x[r + 21]!, r6 = x[r + 22]!, r7 = x[r + 23]!;
    // prettier-ignore
    const s0 = x[r + 24]!, s1 = x[r + 25]!, s2 = x[r + 26]!, s3 = x[r + 27]!, s4 = x[r + 28]!, s5 = x[r + 29]!, s6 = x[r + 30]!, s7 = x[r + 31]!;
    const t = (a - a0) * TILE - b0;
    for (let b = b0, o = 8 * b0; b < b1; b++, o += 8) {
      // prettier-ignore
      const y0 = x[o]!, y1 = x[o + 1]!, y2 = x[o + 2]!, y3 = x[o + 3]!, y4 = x[o + 4]!, y5 = x[o + 5]!, y6 = x[o + 6]!, y7 = x[o + 7]!;
      tile[t + b] = dist8(p0 - y0, p1 - y1, p2 - y2, p3 - y3, p4 - y4, p5 - y5, p6 - y6, p7 - y7);
      // prettier-ignore
      tile[t + TILE + b] = dist8(q0 - y0, q1 - y1, q2 - y2, q3 - y3, q4 - y4, q5 - y5, q6 - y6, q7 - y7);
      // prettier-ignore
      tile[t + 2 * TILE + b] = dist8(r0 - y0, r1 - y1, r2 - y2, r3 - y3, r4 - y4, r5 - y5, r6 - y6, r7 - y7);
      // prettier-ignore
      tile[t + 3 * TILE + b] = dist8(s0 - y0, s1 - y1, s2 - y2, s3 - y3, s4 - y4, s5 - y5, s6 - y6, s7 - y7);
    }
  }
  if (a < a1) tileGeneric(x, 8, a, a1, b0, b1, tile, a0);
}

/** As {@link tileWidth8} for rows of width 4. */
function tileWidth4(
  x: Float64Array,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  tile: Float64Array,
): void {
  let a = a0;
  for (; a + 4 <= a1; a += 4) {
    const r = 4 * a;
    // prettier-ignore
    const p0 = x[r]!, p1 = x[r + 1]!, p2 = x[r + 2]!, p3 = x[r + 3]!;
    // prettier-ignore
    const q0 = x[r + 4]!, q1 = x[r + 5]!, q2 = x[r + 6]!, q3 = x[r + 7]!;
    // prettier-ignore
    const r0 = x[r + 8]!, r1 = x[r + 9]!, r2 = x[r + 10]!, r3 = x[r + 11]!;
    // prettier-ignore
    const s0 = x[r + 12]!, s1 = x[r + 13]!, s2 = x[r + 14]!, s3 = x[r + 15]!;
    const t = (a - a0) * TILE - b0;
    for (let b = b0, o = 4 * b0; b < b1; b++, o += 4) {
      // prettier-ignore
      const y0 = x[o]!, y1 = x[o + 1]!, y2 = x[o + 2]!, y3 = x[o + 3]!;
      tile[t + b] = dist4(p0 - y0, p1 - y1, p2 - y2, p3 - y3);
      tile[t + TILE + b] = dist4(q0 - y0, q1 - y1, q2 - y2, q3 - y3);
      tile[t + 2 * TILE + b] = dist4(r0 - y0, r1 - y1, r2 - y2, r3 - y3);
      tile[t + 3 * TILE + b] = dist4(s0 - y0, s1 - y1, s2 - y2, s3 - y3);
    }
  }
  if (a < a1) tileGeneric(x, 4, a, a1, b0, b1, tile, a0);
}

/**
 * One row at a time, any width: squared differences summed left to right
 * from 0 (the first term is then exact, as in the unrolled kernels).
 * `tileRow0` is the global row of tile row 0 when only the last rows of a
 * tile are computed here.
 */
function tileGeneric(
  x: Float64Array,
  d: number,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  tile: Float64Array,
  tileRow0: number = a0,
): void {
  for (let a = a0; a < a1; a++) {
    const r = a * d;
    const t = (a - tileRow0) * TILE - b0;
    for (let b = b0, o = b0 * d; b < b1; b++, o += d) {
      let s = 0;
      for (let f = 0; f < d; f++) {
        const diff = x[r + f]! - x[o + f]!;
        s += diff * diff;
      }
      tile[t + b] = Math.sqrt(s);
    }
  }
}

function dist8(
  t0: number,
  t1: number,
  t2: number,
  t3: number,
  t4: number,
  t5: number,
  t6: number,
  t7: number,
): number {
  return Math.sqrt(t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3 + t4 * t4 + t5 * t5 + t6 * t6 + t7 * t7);
}

function dist4(t0: number, t1: number, t2: number, t3: number): number {
  return Math.sqrt(t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3);
}
