import { type DenseMatrix, fromRows } from "../../src/shared/matrix.js";
import { Random } from "../../src/shared/random.js";

/** `perBlob` rows (sd 1 in every column) around each centre, the blobs' rows interleaved. */
export function blobs(centres: number[][], perBlob: number, seed: number): DenseMatrix {
  const rng = new Random(seed);
  const rows: number[][] = [];
  for (let i = 0; i < perBlob; i++) {
    for (const c of centres) rows.push(c.map((v) => v + rng.normal()));
  }
  return fromRows(rows);
}

/** n rows uniform in [0, 1)^cols. */
export function uniformRows(n: number, cols: number, seed: number): DenseMatrix {
  const rng = new Random(seed);
  return { data: Float64Array.from({ length: n * cols }, () => rng.next()), rows: n, cols };
}
