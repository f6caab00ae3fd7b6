/**
 * A realistic `ClusterReportInput` built from synthetic client data: four
 * groups of clients in four features, standardized after log1p, swept over
 * k = 2..8 with ml-kmeans, with exact silhouettes, Calinski–Harabasz and
 * Davies–Bouldin computed here (kept independent of the evaluate stage so
 * these tests do not move when it changes). Some names are hostile on
 * purpose (a feature called `<script>alert(1)</script>`, markup in a label,
 * in the source and in the command) to prove escaping.
 */
import { kmeans } from "ml-kmeans";
import type { ColumnSummary } from "../../src/prepare/types.js";
import type { ClusterProfile, Profiles } from "../../src/evaluate/profile-types.js";
import type { SweepRow } from "../../src/evaluate/types.js";
import type { ClusterReportInput } from "../../src/report/types.js";
import { samplePcaPoints } from "../../src/evaluate/pca.js";
import { Random, sampleIndices } from "../../src/shared/random.js";
import type { DenseMatrix } from "../../src/shared/matrix.js";
import { gapStatistic } from "../../src/evaluate/gap.js";
import { voteK } from "../../src/evaluate/vote.js";
import type { ChooseKReportData } from "../../src/report/sections/choose-k.js";

/**
 * The choosing-k part of the sweep: a real gap curve (B = 10, d.power 2, the
 * sweep's labels for the data) and the vote; stability from the spread of
 * hand-set ARIs (falling with k), which the report only displays.
 */
function chooseK(
  scaled: DenseMatrix,
  rows: SweepRow[],
  elbowK: number | null,
  swept: { row: SweepRow; labels: number[] }[],
): ChooseKReportData {
  const labelsOf = new Map(swept.map((s) => [s.row.k, Int32Array.from(s.labels)]));
  const gap = gapStatistic(scaled, {
    kMax: Math.max(...rows.map((r) => r.k)),
    seed: 5,
    references: 10,
    dPower: 2,
    observed: (k) => labelsOf.get(k),
  });
  const perK = rows.map((r) => ({ k: r.k, ari: 1 - 0.06 * (r.k - 2), ariSd: 0.01 * r.k }));
  const vote = voteK({ rows, elbowK, gap, stability: perK });
  return {
    vote,
    gap: {
      points: gap.k.map((k, i) => ({ k, gap: gap.gap[i]!, se: gap.se[i]! })),
      references: gap.references,
      rows: gap.rows,
      sampled: gap.sampled,
    },
    stability: { perK, resamples: 20, rows: scaled.rows, sampled: false },
  };
}

export const HOSTILE_FEATURE = "<script>alert(1)</script>";
export const HOSTILE_LABEL = "Top spend & <b>loyal</b>";
export const FEATURES = ["recency_days", "frequency", "monetary", HOSTILE_FEATURE];
const LOG_FEATURES = ["frequency", "monetary"];

interface Synthetic {
  original: number[][];
  scaled: DenseMatrix;
  center: number[];
  scale: number[];
}

/** Four client groups; columns: recency (days), orders, spend, and a tenure-like column with a hostile name. */
function synthesize(n: number, rng: Random): Synthetic {
  const groups = [
    { share: 0.1, recency: 12, logFreq: 3.0, logSpend: 8.6, tenure: 700 },
    { share: 0.25, recency: 35, logFreq: 2.0, logSpend: 7.3, tenure: 520 },
    { share: 0.3, recency: 90, logFreq: 1.1, logSpend: 6.2, tenure: 300 },
    { share: 0.35, recency: 260, logFreq: 0.6, logSpend: 5.3, tenure: 380 },
  ];
  const original: number[][] = [];
  for (let i = 0; i < n; i++) {
    let u = rng.next();
    const group = groups.find((g) => (u -= g.share) < 0) ?? groups[groups.length - 1]!;
    original.push([
      Math.max(0, Math.round(group.recency * Math.exp(0.45 * rng.normal()))),
      Math.max(1, Math.round(Math.expm1(group.logFreq + 0.35 * rng.normal()))),
      Math.round(Math.expm1(group.logSpend + 0.45 * rng.normal()) * 100) / 100,
      Math.max(1, Math.round(group.tenure + 90 * rng.normal())),
    ]);
  }
  const d = FEATURES.length;
  const transformed = original.map((row) =>
    row.map((value, j) => (LOG_FEATURES.includes(FEATURES[j]!) ? Math.log1p(value) : value)),
  );
  const center = FEATURES.map((_, j) => transformed.reduce((sum, row) => sum + row[j]!, 0) / n);
  const scale = FEATURES.map((_, j) =>
    Math.sqrt(transformed.reduce((sum, row) => sum + (row[j]! - center[j]!) ** 2, 0) / n),
  );
  const data = new Float64Array(n * d);
  transformed.forEach((row, i) =>
    row.forEach((value, j) => (data[i * d + j] = (value - center[j]!) / scale[j]!)),
  );
  return { original, scaled: { data, rows: n, cols: d }, center, scale };
}

function rowsOf(m: DenseMatrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) =>
    Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)),
  );
}

function distance(m: DenseMatrix, i: number, j: number): number {
  let sum = 0;
  for (let c = 0; c < m.cols; c++) sum += (m.data[i * m.cols + c]! - m.data[j * m.cols + c]!) ** 2;
  return Math.sqrt(sum);
}

/** Exact silhouette of every row (O(n²), fine for the fixture's 1,500 rows). */
export function silhouetteSamples(m: DenseMatrix, labels: readonly number[], k: number): number[] {
  const sizes = new Array<number>(k).fill(0);
  for (const label of labels) sizes[label]!++;
  const out: number[] = [];
  const sums = new Float64Array(k);
  for (let i = 0; i < m.rows; i++) {
    sums.fill(0);
    for (let j = 0; j < m.rows; j++) if (j !== i) sums[labels[j]!]! += distance(m, i, j);
    const own = labels[i]!;
    if (sizes[own]! <= 1) {
      out.push(0);
      continue;
    }
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++)
      if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[c]! / sizes[c]!);
    out.push((b - a) / Math.max(a, b));
  }
  return out;
}

function centroidsOf(m: DenseMatrix, labels: readonly number[], k: number): number[][] {
  const sums = Array.from({ length: k }, () => new Array<number>(m.cols).fill(0));
  const counts = new Array<number>(k).fill(0);
  labels.forEach((label, i) => {
    counts[label]!++;
    for (let c = 0; c < m.cols; c++) sums[label]![c]! += m.data[i * m.cols + c]!;
  });
  return sums.map((row, label) => row.map((value) => value / Math.max(1, counts[label]!)));
}

function sweepRow(m: DenseMatrix, k: number, seed: number): { row: SweepRow; labels: number[] } {
  const result = kmeans(rowsOf(m), k, { seed, initialization: "kmeans++", maxIterations: 300 });
  const labels = result.clusters;
  const centroids = centroidsOf(m, labels, k);
  const overall = centroidsOf(m, new Array<number>(m.rows).fill(0), 1)[0]!;
  const sq = (a: readonly number[], b: readonly number[]): number =>
    a.reduce((sum, value, c) => sum + (value - b[c]!) ** 2, 0);
  const counts = new Array<number>(k).fill(0);
  labels.forEach((label) => counts[label]!++);
  let within = 0;
  const scatter = new Array<number>(k).fill(0);
  labels.forEach((label, i) => {
    const row = Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols));
    within += sq(row, centroids[label]!);
    scatter[label]! += Math.sqrt(sq(row, centroids[label]!));
  });
  const between = centroids.reduce(
    (sum, centroid, c) => sum + counts[c]! * sq(centroid, overall),
    0,
  );
  const spread = scatter.map((value, c) => value / Math.max(1, counts[c]!));
  let db = 0;
  for (let a = 0; a < k; a++) {
    let worst = 0;
    for (let b = 0; b < k; b++)
      if (a !== b)
        worst = Math.max(
          worst,
          (spread[a]! + spread[b]!) / Math.sqrt(sq(centroids[a]!, centroids[b]!)),
        );
    db += worst / k;
  }
  const silhouettes = silhouetteSamples(m, labels, k);
  return {
    labels,
    row: {
      k,
      inertia: within,
      silhouette: silhouettes.reduce((sum, value) => sum + value, 0) / silhouettes.length,
      calinskiHarabasz: between / (k - 1) / (within / (m.rows - k)),
      daviesBouldin: db,
      iterations: result.iterations,
    },
  };
}

/** Knee by the largest distance below the chord of the normalized curve (Kneedle's idea, enough for a fixture). */
function knee(rows: readonly SweepRow[]): number | null {
  const ks = rows.map((row) => row.k);
  const ys = rows.map((row) => row.inertia);
  const [k0, k1] = [Math.min(...ks), Math.max(...ks)];
  const [y0, y1] = [Math.max(...ys), Math.min(...ys)];
  let best: number | null = null;
  let bestGap = 0;
  rows.forEach((row) => {
    const x = (row.k - k0) / (k1 - k0);
    const y = (row.inertia - y1) / (y0 - y1);
    const gap = 1 - x - y;
    if (gap > bestGap) [best, bestGap] = [row.k, gap];
  });
  return best;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const LABELS = [
  HOSTILE_LABEL,
  "Frequent · Recent",
  "Occasional",
  "Lapsed · Low spend",
  "Mixed",
  "Small group",
  "Other",
  "Rest",
];

/** Options of {@link makeReportInput}. */
export interface FixtureOptions {
  rows?: number;
  sweep?: boolean;
  cluster?: boolean;
  exampleIds?: boolean;
}

/**
 * Builds the report input. With the defaults: 1,500 rows, sweep k = 2..8,
 * clustering with the recommended k, silhouettes on a 1,200-row sample, PCA
 * on a 1,000-point sample.
 */
export function makeReportInput(options: FixtureOptions = {}): ClusterReportInput {
  const n = options.rows ?? 1500;
  const rng = new Random(20240501);
  const data = synthesize(n, rng);
  const { scaled, original } = data;

  const swept = [2, 3, 4, 5, 6, 7, 8].map((k) => sweepRow(scaled, k, 11 + k));
  const rows = swept.map((s) => s.row);
  const elbowK = knee(rows);
  const bySilhouette = [...rows].sort((a, b) => b.silhouette - a.silhouette)[0]!;
  const recommendedK = elbowK ?? bySilhouette.k;
  const recommended = rows.find((row) => row.k === recommendedK)!;
  const fitted = swept.find((s) => s.row.k === recommendedK)!.labels;

  // Report clusters by mean monetary, descending (cluster 0 = most valuable).
  const k = recommendedK;
  const monetary = FEATURES.indexOf("monetary");
  const meanMonetary = Array.from({ length: k }, (_, c) => {
    const members = fitted
      .map((label, i) => (label === c ? original[i]![monetary]! : null))
      .filter((v): v is number => v !== null);
    return members.reduce((a, b) => a + b, 0) / Math.max(1, members.length);
  });
  const order = meanMonetary.map((_, c) => c).sort((a, b) => meanMonetary[b]! - meanMonetary[a]!);
  const renumber = new Array<number>(k);
  order.forEach((fittedCluster, reported) => (renumber[fittedCluster] = reported));
  const reported = fitted.map((label) => renumber[label]!);

  const clusters: ClusterProfile[] = Array.from({ length: k }, (_, c) => {
    const members = reported.map((label, i) => (label === c ? i : -1)).filter((i) => i >= 0);
    const meanOf: Record<string, number> = {};
    const medianOf: Record<string, number> = {};
    const centroidScaled: Record<string, number> = {};
    FEATURES.forEach((feature, j) => {
      const values = members.map((i) => original[i]![j]!);
      meanOf[feature] = values.reduce((a, b) => a + b, 0) / values.length;
      medianOf[feature] = median(values);
      centroidScaled[feature] =
        members.reduce((sum, i) => sum + scaled.data[i * scaled.cols + j]!, 0) / members.length;
    });
    return {
      cluster: c,
      label: LABELS[c]!,
      size: members.length,
      share: members.length / n,
      mean: meanOf,
      median: medianOf,
      centroidScaled,
      zCentroid: { ...centroidScaled },
    };
  });
  const profiles: Profiles = {
    k,
    features: FEATURES,
    orderedBy: "mean monetary, descending",
    clusters,
  };

  const silhouettes = silhouetteSamples(scaled, reported, k);
  const sample = sampleIndices(n, 1200, new Random(5));
  const values = Array.from(sample, (i) => ({
    cluster: reported[i]!,
    silhouette: silhouettes[i]!,
  }));
  const pca = samplePcaPoints(scaled, reported, { rng: new Random(9), sampleSize: 1000 });

  const columns: ColumnSummary[] = FEATURES.map((name, j) => {
    const values = original.map((row) => row[j]!);
    const mean = values.reduce((a, b) => a + b, 0) / n;
    return {
      name,
      missing: j === 2 ? 12 : 0,
      nonNumeric: j === 1 ? 5 : 0,
      min: Math.min(...values),
      max: Math.max(...values),
      mean,
      sd: Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1)),
      imputed: 0,
      clipped: 0,
      logInvalid: 0,
      action:
        j === 2
          ? "12 missing → rows dropped; log1p; z-score"
          : LOG_FEATURES.includes(name)
            ? "5 non-numeric → rows dropped; log1p; z-score"
            : "z-score",
    };
  });
  columns[3]!.action = "z-score";

  const input: ClusterReportInput = {
    title: "Client segments <draft>",
    command: `segwork cluster "clients <2024>.csv" --features recency_days,frequency,monetary,'${HOSTILE_FEATURE}' --k ${k} --seed 7`,
    version: "0.1.0",
    generatedAt: "2024-05-01T09:30:00.000Z",
    features: FEATURES,
    summary: {
      source: "clients <2024>.csv",
      inputRows: n + 20,
      keptRows: n,
      droppedMissing: 12,
      droppedNonNumeric: 5,
      droppedLogInvalid: 0,
      duplicateIds: 3,
      droppedDuplicates: 3,
      dedupe: "first",
      impute: "drop",
      columns,
      notes: [
        `Read ${n + 20} rows from clients <2024>.csv.`,
        "Dropped 12 rows with a missing monetary and 5 with a non-numeric frequency.",
        "3 duplicate ids: kept the first row of each.",
        "log1p applied to frequency and monetary before z-scores.",
      ],
    },
    scaler: {
      method: "zscore",
      features: FEATURES,
      log: LOG_FEATURES,
      center: data.center,
      scale: data.scale,
      clip: null,
    },
  };
  if (options.sweep !== false) {
    input.sweep = {
      rows,
      recommendation: {
        elbowK,
        silhouetteK: bySilhouette.k,
        recommendedK,
        reason:
          `Knee of the inertia curve at k=${elbowK}; silhouette peaks at k=${bySilhouette.k} (${bySilhouette.silhouette.toFixed(3)}); ` +
          `recommended k=${recommendedK} (silhouette ${recommended.silhouette.toFixed(3)}).`,
      },
      restarts: 10,
      seed: 7,
      silhouetteSampleSize: n,
      choose: chooseK(scaled, rows, elbowK, swept),
    };
  }
  if (options.cluster !== false) {
    input.cluster = {
      k,
      inertia: recommended.inertia,
      profiles,
      silhouette: {
        values,
        sampleSize: sample.length,
        totalRows: n,
        average: values.reduce((sum, v) => sum + v.silhouette, 0) / values.length,
      },
      pca,
      ...(options.exampleIds
        ? {
            exampleIds: Object.fromEntries(
              clusters.map((c) => [c.cluster, [`C-${1000 + c.cluster}`, `<id ${c.cluster}>`]]),
            ),
          }
        : {}),
    };
  }
  return input;
}
