import { Random } from "./random.js";

/** Options for {@link synthesizeClients}. */
export interface SynthOptions {
  rows: number;
  features: number;
  clusters: number;
  seed: number;
  /** Spread of each blob relative to the spread of the blob centres. Default 0.2. */
  spread?: number;
}

/** A generated client table with its planted cluster of each row. */
export interface SynthTable {
  header: string[];
  ids: string[];
  /** rows × features, row-major. */
  values: Float64Array;
  truth: Int32Array;
}

/**
 * Gaussian blobs for tests and benchmarks: `clusters` centres drawn uniformly
 * in [-10, 10]^features, cluster sizes in proportions 1 : 2 : … : clusters
 * shuffled by the seed, isotropic noise with sd = spread × 10 (default 2). Ids are
 * zero-padded ("C0000001") so tests see leading zeros survive.
 *
 * @example
 * synthesizeClients({ rows: 1000, features: 3, clusters: 4, seed: 1 }).values.length // => 3000
 */
export function synthesizeClients(options: SynthOptions): SynthTable {
  const { rows, features, clusters, seed } = options;
  const spread = (options.spread ?? 0.2) * 10;
  const rng = new Random(seed);
  const centres = Float64Array.from({ length: clusters * features }, () => rng.next() * 20 - 10);
  const weights = Array.from({ length: clusters }, (_, c) => c + 1);
  for (let c = clusters - 1; c > 0; c--) {
    const j = rng.int(c + 1);
    [weights[c], weights[j]] = [weights[j]!, weights[c]!];
  }
  const cumulative: number[] = [];
  const total = weights.reduce((a, b) => a + b, 0);
  weights.reduce((acc, w) => (cumulative.push((acc + w) / total), acc + w), 0);

  const values = new Float64Array(rows * features);
  const truth = new Int32Array(rows);
  const width = Math.max(7, String(rows).length);
  const ids = new Array<string>(rows);
  for (let i = 0; i < rows; i++) {
    const u = rng.next();
    let c = 0;
    while (c < clusters - 1 && u >= cumulative[c]!) c++;
    truth[i] = c;
    for (let j = 0; j < features; j++) {
      values[i * features + j] = centres[c * features + j]! + spread * rng.normal();
    }
    ids[i] = "C" + String(i + 1).padStart(width, "0");
  }
  const header = Array.from({ length: features }, (_, j) => `f${j + 1}`);
  return { header, ids, values, truth };
}

/** Writes a synthesized table as CSV text chunks (id, f1..fF), 6 decimals. */
export function* synthToCsv(table: SynthTable, withTruth = false): Generator<string> {
  const d = table.header.length;
  yield ["client_id", ...table.header, ...(withTruth ? ["truth"] : [])].join(",") + "\n";
  const batch: string[] = [];
  for (let i = 0; i < table.ids.length; i++) {
    const cells = [table.ids[i]!];
    for (let j = 0; j < d; j++) cells.push(table.values[i * d + j]!.toFixed(6));
    if (withTruth) cells.push(String(table.truth[i]));
    batch.push(cells.join(","));
    if (batch.length === 10_000) {
      yield batch.join("\n") + "\n";
      batch.length = 0;
    }
  }
  if (batch.length > 0) yield batch.join("\n") + "\n";
}
