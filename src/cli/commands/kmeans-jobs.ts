import { kmeans } from "../../cluster/index.js";
import { samplePrepared } from "../../prepare/index.js";
import type { Clustering } from "../../cluster/types.js";
import { seedForK, sweepK, type SweepResult } from "../../evaluate/sweep.js";
import type { Prepared } from "../../prepare/types.js";
import type { ClusterReportData, ClusterReportInput, SweepReportData } from "../../report/types.js";
import { cliMessages as msg } from "../../shared/messages/index.js";
import { parseInteger, parseKRange, parseNumber } from "../options.js";
import { describeClustering, loadAndPrepare, type TableCliOptions } from "../pipeline.js";
import type { Progress } from "../progress.js";
import { buildModel } from "./model.js";
import { toCsv, toJson, type OutputFile } from "../output.js";

/** Options of `sweep` and `cluster` as commander hands them over (strings). */
export interface KMeansCliOptions extends TableCliOptions {
  k?: string;
  restarts?: string;
  seed?: string;
  maxIter?: string;
  tol?: string;
  silhouetteSample?: string;
  sample?: string;
  threads?: string;
  orderBy?: string;
  showIds?: boolean;
  quiet?: boolean;
  out: string;
}

export interface FitSettings {
  restarts: number;
  seed: number;
  maxIterations: number;
  tolerance: number;
  silhouetteSample: number;
  threads: number;
}

export function fitSettingsFrom(options: KMeansCliOptions): FitSettings {
  return {
    restarts: parseInteger("--restarts", options.restarts, 10, 1),
    seed: parseInteger("--seed", options.seed, 0, 0),
    maxIterations: parseInteger("--max-iter", options.maxIter, 300, 1),
    tolerance: parseNumber("--tol", options.tol, 1e-4),
    silhouetteSample: parseInteger("--silhouette-sample", options.silhouetteSample, 10_000, 2),
    threads: parseInteger("--threads", options.threads, 1, 1),
  };
}

function checkK(k: number, rows: number): void {
  if (k < 2) throw msg.kTooSmall(k);
  if (k > rows) throw msg.kTooLarge(k, rows);
}

/** Runs the k sweep and returns sweep.json's content plus the report data. */
export function runSweep(
  prepared: Prepared,
  range: { min: number; max: number },
  settings: FitSettings,
  progress: Progress,
): { result: SweepResult; json: object; report: SweepReportData } {
  checkK(range.max, prepared.ids.length);
  const total = range.max - range.min + 1;
  progress.step("sweep", 0, total, `k=${range.min}`);
  const result = sweepK(prepared.scaled, {
    kMin: range.min,
    kMax: range.max,
    restarts: settings.restarts,
    seed: settings.seed,
    maxIterations: settings.maxIterations,
    tolerance: settings.tolerance,
    silhouetteSampleSize: settings.silhouetteSample,
    threads: settings.threads,
    onK: (k, done) => progress.step("sweep", done, total, `k=${k} done`),
  });
  progress.done();
  const { recommendation } = result;
  const json = {
    rows: prepared.ids.length,
    features: prepared.features,
    scaling: {
      method: prepared.scaler.method,
      log: prepared.scaler.log,
      clip: prepared.scaler.clip,
    },
    restarts: settings.restarts,
    seed: settings.seed,
    silhouetteSampleSize: result.silhouetteSampleSize,
    k: result.rows,
    elbowK: recommendation.elbowK,
    silhouetteK: recommendation.silhouetteK,
    recommendedK: recommendation.recommendedK,
    reason: recommendation.reason,
  };
  return {
    result,
    json,
    report: {
      rows: result.rows,
      recommendation,
      restarts: settings.restarts,
      seed: settings.seed,
      silhouetteSampleSize: result.silhouetteSampleSize,
    },
  };
}

/** Fits one k (or reuses the sweep's fit) and returns the cluster outputs. */
export function runCluster(
  prepared: Prepared,
  k: number,
  settings: FitSettings,
  options: { command: string; version: string; orderBy?: string; showIds: boolean },
  progress: Progress,
  fitted?: Clustering,
): { files: OutputFile[]; report: ClusterReportData } {
  checkK(k, prepared.ids.length);
  let clustering = fitted;
  if (!clustering) {
    progress.step("k-means", 0, settings.restarts, `k=${k}`);
    clustering = kmeans(prepared.scaled, {
      k,
      restarts: settings.restarts,
      // The same seed as the sweep's fit of this k, so sweep and cluster agree.
      seed: seedForK(settings.seed, k),
      maxIterations: settings.maxIterations,
      tolerance: settings.tolerance,
      threads: settings.threads,
      onRestart: (r) => progress.step("k-means", r + 1, settings.restarts, `k=${k}`),
    });
    progress.done();
  }
  for (const warning of clustering.warnings ?? []) progress.note(`warning: ${warning}`);
  const { profiled, report } = describeClustering(prepared, clustering, {
    seed: settings.seed,
    orderBy: options.orderBy,
    showIds: options.showIds,
  });
  const names = profiled.profiles.clusters.map((c) => c.label);
  const assignments = toCsv(
    ["id", "cluster", "label"],
    prepared.ids.map((id, i) => [id, profiled.labels[i]!, names[profiled.labels[i]!]!]),
  );
  const model = buildModel(prepared, clustering, profiled, {
    command: options.command,
    version: options.version,
    seed: settings.seed,
    restarts: settings.restarts,
    maxIterations: settings.maxIterations,
    tolerance: settings.tolerance,
  });
  return {
    files: [
      { name: "assignments.csv", content: assignments },
      { name: "model.json", content: toJson(model) },
      { name: "profiles.json", content: toJson(profiled.profiles) },
    ],
    report,
  };
}

/** Shared start of both commands. */
export async function prepareForKMeans(options: KMeansCliOptions, progress: Progress) {
  const settings = fitSettingsFrom(options);
  const range = parseKRange(options.k ?? "2..10");
  const sample =
    options.sample === undefined ? undefined : parseInteger("--sample", options.sample, 0, 2);
  const loaded = await loadAndPrepare(options, progress);
  let prepared = loaded.prepared;
  if (sample !== undefined && sample < prepared.ids.length) {
    prepared = samplePrepared(prepared, sample, settings.seed);
    progress.note(`fitting on a seeded sample of ${sample.toLocaleString("en-US")} rows`);
  }
  return { settings, range, table: loaded.table, prepared };
}

/** Renders the report (the report layer is imported lazily: vega costs ~0.2 s). */
export async function renderReportFile(input: ClusterReportInput): Promise<OutputFile> {
  const { renderClusterReport } = await import("../../report/index.js");
  return { name: "report.html", content: await renderClusterReport(input) };
}

export { toJson };
