/** Shared helpers of the cluster tests. */
import { Random } from "../../src/shared/random.js";
import type { DenseMatrix } from "../../src/shared/matrix.js";
import type { Clustering } from "../../src/cluster/types.js";

/** The bytes of a typed array, for byte-identity assertions. */
export function bytesOf(array: Float64Array | Int32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** `blobs` Gaussian clusters (sd `spread`) around centres uniform in [-10, 10]^cols. */
export function blobs(
  rows: number,
  cols: number,
  centres: number,
  spread: number,
  seed: number,
): DenseMatrix {
  const rng = new Random(seed);
  const middle = Float64Array.from({ length: centres * cols }, () => rng.next() * 20 - 10);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const c = rng.int(centres);
    for (let j = 0; j < cols; j++)
      data[i * cols + j] = middle[c * cols + j]! + spread * rng.normal();
  }
  return { data, rows, cols };
}

/** Small integers in [0, levels): many exact ties and duplicate rows. */
export function integerGrid(rows: number, cols: number, levels: number, seed: number): DenseMatrix {
  const rng = new Random(seed);
  return { data: Float64Array.from({ length: rows * cols }, () => rng.int(levels)), rows, cols };
}

/** Rows of the matrix picked at the given indices, as k × cols centres. */
export function rowsAt(matrix: DenseMatrix, indices: number[]): Float64Array {
  const out = new Float64Array(indices.length * matrix.cols);
  indices.forEach((row, c) =>
    out.set(matrix.data.subarray(row * matrix.cols, (row + 1) * matrix.cols), c * matrix.cols),
  );
  return out;
}

/** Everything observable in a Clustering, flattened for deep equality. */
export function fingerprint(result: Clustering): unknown {
  // Which engine ran is not part of the result: both give the same bits (wasm.test.ts).
  const { engine: _engine, ...rest } = result;
  return {
    ...rest,
    centroids: bytesOf(result.centroids).toString("hex"),
    labels: bytesOf(result.labels).toString("hex"),
  };
}
