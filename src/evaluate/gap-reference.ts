/**
 * Reference data sets of the gap statistic: uniform draws over the box the
 * data spans, as R's `cluster::clusGap` (2.1.4) draws them.
 *
 * - `"scaledPCA"` (R's default; Tibshirani et al.'s method b): centre the
 *   columns (no scaling), rotate by the right singular vectors V of the centred
 *   data, draw each rotated column uniformly within its range, rotate back by
 *   Vᵀ and add the column means again;
 * - `"original"`: draw each centred column uniformly within its range and add
 *   the means.
 *
 * The order of the draws is R's: column by column, n values per column
 * (`apply(rng.x1, 2, function(M) runif(n, M[1], M[2]))`), each
 * `min + (max − min)·u` as R's `runif` forms it, so that given the same
 * uniforms u (and the same V) both produce the same reference set.
 */
import { Matrix, SingularValueDecomposition } from "ml-matrix";
import type { DenseMatrix } from "../shared/matrix.js";
import { badEvaluateOption } from "../shared/messages/evaluate.js";

/** R's `spaceH0`: where the uniform reference distribution lives. */
export type GapReferenceSpace = "scaledPCA" | "original";

/** What a reference set is drawn from. */
export interface ReferenceFrame {
  space: GapReferenceSpace;
  /** Column means of the data (R's `attr(xs, "scaled:center")`). */
  mean: Float64Array;
  /**
   * "scaledPCA": V, cols × cols, row-major (V[f·cols + j] is feature f's
   * loading on rotated column j); each column signed so that its
   * largest-magnitude entry is positive (LAPACK's signs are arbitrary, and the
   * reference distribution does not depend on them). Null for "original".
   */
  rotation: Float64Array | null;
  /** Range of each (rotated) centred column. */
  min: Float64Array;
  max: Float64Array;
}

/**
 * The frame R's `clusGap` draws its reference sets in, for the rows of `m`.
 *
 * @throws SegworkError when `space` is not "scaledPCA" or "original".
 * @example
 * const frame = referenceFrame(fromRows([[0, 0], [2, 0], [0, 1], [2, 1]]), "original");
 * [frame.mean, frame.min, frame.max]; // => [[1, 0.5], [-1, -0.5], [1, 0.5]] (Float64Arrays)
 */
export function referenceFrame(m: DenseMatrix, space: GapReferenceSpace): ReferenceFrame {
  if (space !== "scaledPCA" && space !== "original") {
    throw badEvaluateOption("gap", "space", String(space), '"scaledPCA" or "original"');
  }
  const { rows: n, cols: d } = m;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) mean[f]! += m.data[i * d + f]!;
  for (let f = 0; f < d; f++) mean[f]! /= n;
  const centred = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < d; f++) centred[i * d + f] = m.data[i * d + f]! - mean[f]!;
  }
  const rotation = space === "scaledPCA" ? rightSingularVectors(centred, n, d) : null;
  const min = new Float64Array(d).fill(Infinity);
  const max = new Float64Array(d).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = rotation ? dotRow(centred, i, d, rotation, j) : centred[i * d + j]!;
      if (v < min[j]!) min[j] = v;
      if (v > max[j]!) max[j] = v;
    }
  }
  return { space, mean, rotation, min, max };
}

/**
 * One reference set of `rows` rows: uniform values column by column from
 * `uniform()` (each in [0, 1)), rotated back and shifted as R's `clusGap` does.
 *
 * @example
 * const frame = referenceFrame(fromRows([[0, 0], [2, 0], [0, 1], [2, 1]]), "original");
 * const u = [0.5, 0, 0.25, 0.75].values();
 * drawReference(frame, 2, () => u.next().value!).data; // => Float64Array [1, 0.25, 0, 0.75]
 */
export function drawReference(
  frame: ReferenceFrame,
  rows: number,
  uniform: () => number,
): DenseMatrix {
  const d = frame.mean.length;
  const z1 = new Float64Array(rows * d);
  for (let j = 0; j < d; j++) {
    const lo = frame.min[j]!;
    const width = frame.max[j]! - lo;
    for (let i = 0; i < rows; i++) z1[i * d + j] = lo + width * uniform();
  }
  const data = new Float64Array(rows * d);
  const V = frame.rotation;
  for (let i = 0; i < rows; i++) {
    for (let f = 0; f < d; f++) {
      let v: number;
      if (V) {
        // z = z1 · Vᵀ, i.e. z[i][f] = Σ_j z1[i][j] · V[f][j]
        v = 0;
        for (let j = 0; j < d; j++) v += z1[i * d + j]! * V[f * d + j]!;
      } else v = z1[i * d + f]!;
      data[i * d + f] = v + frame.mean[f]!;
    }
  }
  return { data, rows, cols: d };
}

/** V of the SVD of the n × d centred data (ml-matrix), columns signed as {@link ReferenceFrame} says. */
function rightSingularVectors(centred: Float64Array, n: number, d: number): Float64Array {
  const x = new Matrix(n, d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) x.set(i, f, centred[i * d + f]!);
  const svd = new SingularValueDecomposition(x, {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: true,
    autoTranspose: true,
  });
  const v = svd.rightSingularVectors;
  const out = new Float64Array(d * d);
  for (let j = 0; j < v.columns && j < d; j++) {
    let lead = 0;
    for (let f = 0; f < d; f++)
      if (Math.abs(v.get(f, j)) > Math.abs(lead) + 1e-12) lead = v.get(f, j);
    const sign = lead < 0 ? -1 : 1;
    for (let f = 0; f < d; f++) out[f * d + j] = sign * v.get(f, j);
  }
  return out;
}

function dotRow(x: Float64Array, i: number, d: number, V: Float64Array, j: number): number {
  let s = 0;
  for (let f = 0; f < d; f++) s += x[i * d + f]! * V[f * d + j]!;
  return s;
}
