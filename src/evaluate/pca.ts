/**
 * Two-component principal component analysis, for drawing clusters on a plane.
 *
 * The covariance matrix is only d × d (d = number of features, small), so it
 * is accumulated in one pass over the rows and eigen-decomposed with
 * ml-matrix; this costs O(n·d²) and never builds an n × d copy, unlike an SVD
 * of the centred data.
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import type { DenseMatrix } from "../shared/matrix.js";
import { sampleIndices, type Random } from "../shared/random.js";
import type { PcaProjection } from "./types.js";

/** Options of {@link pca2}. */
export interface Pca2Options {
  /** Fit on a uniform sample of this many rows (all rows when omitted or ≥ rows); needs `rng`. */
  sampleSize?: number;
  rng?: Random;
}

/** A fitted two-component PCA. */
export interface Pca2 {
  /** Share of the total variance along PC1 and PC2 (sklearn `explained_variance_ratio_`). */
  explained: [number, number];
  /** PC1 and PC2 as unit vectors of length `cols`; each has its largest-magnitude loading positive. */
  components: number[][];
  /** Column means of the fitted rows (the centre of the projection). */
  mean: number[];
  /** Coordinates of rows on PC1 and PC2: a rows × 2 matrix. */
  project(rows: DenseMatrix): DenseMatrix;
}

/**
 * Flips a vector so that its largest-magnitude entry is positive (the first
 * such entry when several tie within 1e-12), making the output deterministic.
 */
function fixSign(vector: number[]): number[] {
  let largest = 0;
  for (const value of vector) largest = Math.max(largest, Math.abs(value));
  const lead = vector.find((value) => Math.abs(value) >= largest - 1e-12) ?? 0;
  return lead < 0 ? vector.map((value) => -value) : vector;
}

function columnMeans(m: DenseMatrix, rows: ArrayLike<number>): number[] {
  const d = m.cols;
  const sums = new Float64Array(d);
  for (let r = 0; r < rows.length; r++) {
    const offset = rows[r]! * d;
    for (let j = 0; j < d; j++) sums[j]! += m.data[offset + j]!;
  }
  return Array.from(sums, (sum) => sum / rows.length);
}

/** Sample covariance (n − 1 denominator; zero for one row) of the given rows. */
function covariance(m: DenseMatrix, rows: ArrayLike<number>, mean: readonly number[]): number[][] {
  const d = m.cols;
  const acc = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let r = 0; r < rows.length; r++) {
    const offset = rows[r]! * d;
    for (let j = 0; j < d; j++) centred[j] = m.data[offset + j]! - mean[j]!;
    for (let j = 0; j < d; j++) {
      const cj = centred[j]!;
      for (let l = j; l < d; l++) acc[j * d + l]! += cj * centred[l]!;
    }
  }
  const denominator = Math.max(1, rows.length - 1);
  const cov: number[][] = [];
  for (let j = 0; j < d; j++) {
    cov.push(new Array<number>(d));
    for (let l = 0; l < d; l++)
      cov[j]![l] = (l >= j ? acc[j * d + l]! : acc[l * d + j]!) / denominator;
  }
  return cov;
}

/**
 * Fits a two-component PCA: the two eigenvectors of the covariance matrix of
 * the centred rows with the largest eigenvalues. Explained shares are
 * eigenvalue / total variance (both 0 when every row is the same). With a
 * single column, PC2 is the zero vector and explains 0.
 *
 * @throws {RangeError} when the matrix has no rows or no columns, when
 *   `sampleSize` < 1, or when a sample is asked for without `rng`
 * @example
 * const pca = pca2(fromRows([[-2, -2], [2, 2], [-1, 1], [1, -1]]));
 * pca.explained; // => [0.8, 0.2]
 * pca.components; // => [[0.7071…, 0.7071…], [0.7071…, -0.7071…]]
 */
export function pca2(m: DenseMatrix, options: Pca2Options = {}): Pca2 {
  if (m.rows < 1 || m.cols < 1)
    throw new RangeError(`PCA needs at least one row and one column, got ${m.rows}×${m.cols}`);
  const { sampleSize, rng } = options;
  if (sampleSize !== undefined && !(sampleSize >= 1))
    throw new RangeError(`PCA sampleSize must be at least 1, got ${sampleSize}`);
  let rows: ArrayLike<number>;
  if (sampleSize !== undefined && sampleSize < m.rows) {
    if (!rng) throw new RangeError("PCA on a sample needs an rng (pass options.rng)");
    rows = sampleIndices(m.rows, Math.floor(sampleSize), rng);
  } else {
    rows = Int32Array.from({ length: m.rows }, (_, i) => i);
  }
  const d = m.cols;
  const mean = columnMeans(m, rows);
  const cov = covariance(m, rows, mean);
  const total = cov.reduce((sum, row, j) => sum + row[j]!, 0);

  const evd = new EigenvalueDecomposition(new Matrix(cov), { assumeSymmetric: true });
  const eigenvalues = evd.realEigenvalues;
  const vectors = evd.eigenvectorMatrix;
  const order = eigenvalues
    .map((_, i) => i)
    .sort((a, b) => eigenvalues[b]! - eigenvalues[a]! || a - b);
  const components: number[][] = [];
  const explained: [number, number] = [0, 0];
  for (let c = 0; c < 2; c++) {
    const index = order[c];
    if (index === undefined) {
      components.push(new Array<number>(d).fill(0));
      continue;
    }
    components.push(fixSign(vectors.getColumn(index)));
    explained[c] = total > 0 ? Math.max(0, eigenvalues[index]!) / total : 0;
  }

  const project = (input: DenseMatrix): DenseMatrix => {
    if (input.cols !== d) throw new RangeError(`PCA was fitted on ${d} columns, got ${input.cols}`);
    const out = new Float64Array(input.rows * 2);
    const [pc1, pc2] = components as [number[], number[]];
    for (let i = 0; i < input.rows; i++) {
      let x = 0;
      let y = 0;
      for (let j = 0; j < d; j++) {
        const centred = input.data[i * d + j]! - mean[j]!;
        x += centred * pc1[j]!;
        y += centred * pc2[j]!;
      }
      out[2 * i] = x;
      out[2 * i + 1] = y;
    }
    return { data: out, rows: input.rows, cols: 2 };
  };

  return { explained, components, mean, project };
}

/** Options of {@link samplePcaPoints}. */
export interface PcaSampleOptions {
  /** Points to keep (default 3,000); all rows when the data is smaller. */
  sampleSize?: number;
  /** Every cluster gets at least min(its size, this) points, so small clusters stay visible (default 10). */
  minPerCluster?: number;
  /** Fit the PCA on a sample of this many rows instead of all rows. */
  fitSampleSize?: number;
  /** The only source of randomness. */
  rng: Random;
}

/**
 * Fits a two-component PCA and projects a seeded uniform sample of rows for
 * a scatter plot, topped up so that every cluster shows at least
 * min(size, `minPerCluster`) points. Points come in row order.
 *
 * @throws {RangeError} when `clusters` does not have one entry per row, or
 *   for the reasons {@link pca2} throws
 * @example
 * const projection = samplePcaPoints(prepared.scaled, reportedClusters, { rng: new Random(7) });
 * projection.points.length; // => min(rows, 3000) plus top-ups
 */
export function samplePcaPoints(
  m: DenseMatrix,
  clusters: ArrayLike<number>,
  options: PcaSampleOptions,
): PcaProjection {
  if (clusters.length !== m.rows)
    throw new RangeError(
      `PCA sample needs one cluster per row: ${clusters.length} clusters for ${m.rows} rows`,
    );
  const { rng } = options;
  const pca = pca2(m, { sampleSize: options.fitSampleSize, rng });
  const sampleSize = Math.max(1, Math.floor(options.sampleSize ?? 3000));
  const chosen = new Set<number>(sampleIndices(m.rows, sampleSize, rng));

  const minPerCluster = options.minPerCluster ?? 10;
  const members = new Map<number, number[]>();
  for (let i = 0; i < m.rows; i++) {
    const c = clusters[i]!;
    let list = members.get(c);
    if (!list) members.set(c, (list = []));
    list.push(i);
  }
  for (const c of [...members.keys()].sort((a, b) => a - b)) {
    const rows = members.get(c)!;
    const want = Math.min(rows.length, minPerCluster);
    let have = rows.reduce((count, i) => count + (chosen.has(i) ? 1 : 0), 0);
    if (have >= want) continue;
    const missing = rows.filter((i) => !chosen.has(i));
    for (const pick of sampleIndices(missing.length, want - have, rng)) {
      chosen.add(missing[pick]!);
      have++;
    }
  }

  const indices = Int32Array.from(chosen).sort();
  const data = new Float64Array(indices.length * m.cols);
  for (let r = 0; r < indices.length; r++)
    data.set(m.data.subarray(indices[r]! * m.cols, (indices[r]! + 1) * m.cols), r * m.cols);
  const projected = pca.project({ data, rows: indices.length, cols: m.cols });
  const points = Array.from(indices, (row, r) => ({
    x: projected.data[2 * r]!,
    y: projected.data[2 * r + 1]!,
    cluster: clusters[row]!,
  }));
  return { explained: pca.explained, points, totalRows: m.rows };
}
