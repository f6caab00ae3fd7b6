/**
 * The sweep workflow: K-Means for every k in a range on a client table, the
 * quality indices per k, the recommended k with its reason, and that k's
 * clustering profiled for the report (knife plot, PCA map, profiles).
 */
import type { Table } from "../load/types.js";
import { sweepK, type SweepResult } from "../evaluate/sweep.js";
import { validateKRange } from "../cluster/validate.js";
import type { Prepared, PrepareOptions } from "../prepare/types.js";
import type { ClusterReportInput, SweepReportData } from "../report/types.js";
import { sweepArtifact, writeSweep, type SweepArtifact } from "../artifacts/sweep.js";
import * as msg from "../shared/messages/workflows.js";
import { prepareClients } from "./client-table.js";
import { clusterReportInput, fitClusterRun, type ClusterRun } from "./cluster.js";
import { clusterReportFile, type OutputFile } from "./files.js";
import { fitSettingsOf, type FitSettings } from "./kmeans-settings.js";
import { runContext, type RunContext, type RunOptions } from "./run.js";

/** An inclusive range of k. */
export interface KRange {
  min: number;
  max: number;
}

/** The default range of k: 2..10. */
export const DEFAULT_K_RANGE: KRange = { min: 2, max: 10 };

/** Options of {@link sweepWorkflow}. */
export interface SweepOptions extends RunOptions {
  table: Table;
  prepare: PrepareOptions;
  /** Range of k (default 2..10). */
  k?: KRange;
  fit?: Partial<FitSettings>;
  /** Fit on a seeded sample of this many prepared rows. */
  sample?: number;
  /** Cluster order of the recommended clustering in the report. */
  orderBy?: string;
  /** Put example client ids into the report. */
  showIds?: boolean;
}

/** A sweep on prepared rows: the fits, sweep.json and the report's sweep part. */
export interface SweepRun {
  sweep: SweepResult;
  /** sweep.json. */
  artifact: SweepArtifact;
  /** The sweep part of the report (indices per k, recommendation). */
  display: SweepReportData;
}

/** What {@link sweepWorkflow} gives. */
export interface SweepWorkflowResult extends SweepRun {
  prepared: Prepared;
  settings: FitSettings;
  /** The recommended k's clustering, profiled (its fit is the sweep's). */
  recommended: ClusterRun;
  /** Input of `renderClusterReport`. */
  report: ClusterReportInput;
  /** The recommendation in one line, for a face to print. */
  summary: string[];
}

/**
 * Sweeps k on prepared rows, reporting progress per k.
 *
 * @example
 * const run = sweepRun(prepared, { min: 2, max: 10 }, fitSettingsOf({ seed: 7 }), runContext({}));
 * run.artifact.recommendedK // => 4
 */
export function sweepRun(
  prepared: Prepared,
  range: KRange,
  settings: FitSettings,
  context: RunContext,
): SweepRun {
  const { progress } = context;
  const total = range.max - range.min + 1;
  progress.step("sweep", 0, total, `k=${range.min}`);
  const sweep = sweepK(prepared.scaled, {
    kMin: range.min,
    kMax: range.max,
    restarts: settings.restarts,
    seed: settings.seed,
    maxIterations: settings.maxIterations,
    tolerance: settings.tolerance,
    silhouetteSampleSize: settings.silhouetteSampleSize,
    threads: settings.threads,
    onK: (k, done) => progress.step("sweep", done, total, `k=${k} done`),
  });
  progress.done();
  return {
    sweep,
    artifact: sweepArtifact(prepared, sweep, settings),
    display: {
      rows: sweep.rows,
      recommendation: sweep.recommendation,
      restarts: settings.restarts,
      seed: settings.seed,
      silhouetteSampleSize: sweep.silhouetteSampleSize,
    },
  };
}

/**
 * The sweep workflow: prepare the table, fit every k in the range, score
 * each fit, recommend a k, and profile the recommended clustering.
 *
 * @throws SegworkError for a bad range or settings (before any work) or data.
 * @example
 * const result = sweepWorkflow({ table, prepare: { features: ["recency_days", "frequency", "monetary"], log: ["monetary"] }, fit: { seed: 7 } });
 * result.artifact.recommendedK // => 4
 * result.artifact.reason // => "…"
 */
export function sweepWorkflow(options: SweepOptions): SweepWorkflowResult {
  const context = runContext(options);
  const range = options.k ?? DEFAULT_K_RANGE;
  validateKRange(range.min, range.max);
  const settings = fitSettingsOf(options.fit);
  const prepared = prepareClients(
    options.table,
    options.prepare,
    { ...(options.sample === undefined ? {} : { sample: options.sample }), seed: settings.seed },
    context.progress,
  );
  const run = sweepRun(prepared, range, settings, context);
  const k = run.artifact.recommendedK;
  const recommended = fitClusterRun(
    prepared,
    k,
    settings,
    { ...options, fitted: run.sweep.clusterings.get(k)! },
    context,
  );
  return {
    ...run,
    prepared,
    settings,
    recommended,
    report: clusterReportInput(context, "segwork · choosing k", prepared, {
      sweep: run.display,
      cluster: recommended.display,
    }),
    summary: [msg.recommended(k, run.artifact.reason)],
  };
}

/** Names of the files {@link sweepFiles} gives. */
export const SWEEP_OUTPUTS = ["sweep.json", "report.html"];

/**
 * The files of the sweep command: sweep.json and report.html.
 *
 * @example
 * (await sweepFiles(result)).map((f) => f.name) // => ["sweep.json", "report.html"]
 */
export async function sweepFiles(result: SweepWorkflowResult): Promise<OutputFile[]> {
  return [
    { name: "sweep.json", content: writeSweep(result.artifact) },
    await clusterReportFile(result.report),
  ];
}
