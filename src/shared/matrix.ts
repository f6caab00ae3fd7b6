/**
 * A dense row-major matrix of float64 values: row i, column j is
 * `data[i * cols + j]`. The common currency between preparation, clustering
 * and evaluation; plain data, so it can cross worker threads.
 */
export interface DenseMatrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/** Wraps a row-major array, checking its length. */
export function denseMatrix(data: Float64Array, rows: number, cols: number): DenseMatrix {
  if (data.length !== rows * cols) {
    throw new RangeError(`matrix data has ${data.length} values, expected ${rows}×${cols}`);
  }
  return { data, rows, cols };
}

/** Builds a row-major matrix from an array of rows (tests and small inputs). */
export function fromRows(rows: ArrayLike<number>[]): DenseMatrix {
  const n = rows.length;
  const d = n === 0 ? 0 : rows[0]!.length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    if (row.length !== d) throw new RangeError(`row ${i} has ${row.length} values, expected ${d}`);
    for (let j = 0; j < d; j++) data[i * d + j] = row[j]!;
  }
  return { data, rows: n, cols: d };
}

/** Copies the matrix into an array of rows (for libraries that want that shape). */
export function toRows(m: DenseMatrix): number[][] {
  const out: number[][] = new Array(m.rows);
  for (let i = 0; i < m.rows; i++)
    out[i] = Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols));
  return out;
}

/** The rows at the given indices, as a new matrix. */
export function takeRows(m: DenseMatrix, indices: ArrayLike<number>): DenseMatrix {
  const d = m.cols;
  const data = new Float64Array(indices.length * d);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r]!;
    data.set(m.data.subarray(i * d, i * d + d), r * d);
  }
  return { data, rows: indices.length, cols: d };
}

/**
 * The same matrix with its values on a SharedArrayBuffer (unchanged if
 * already there), for worker threads to read without a copy each.
 *
 * @example
 * onSharedMemory(fromRows([[1, 2]])).data.buffer instanceof SharedArrayBuffer; // => true
 */
export function onSharedMemory(m: DenseMatrix): DenseMatrix {
  if (m.data.buffer instanceof SharedArrayBuffer) return m;
  const data = new Float64Array(new SharedArrayBuffer(m.data.length * 8));
  data.set(m.data);
  return { data, rows: m.rows, cols: m.cols };
}
